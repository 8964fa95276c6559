package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Affiliation claims: evidence or its absence visible, disputed and closed, never deleted. */
class AffiliationTest extends ServiceTest {
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void groupsAndRivalriesAreConfigured() {
        JsonNode g = api.get("/api/housing/groups", "oficial").json();
        assertThat(g.get("groups").values().stream().map(n -> n.get("code").asString()))
                .contains("MS-13", "B18-SUR", "B18-REV", "TDA", "NINGUNO");
        assertThat(g.get("rivalries").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void claimsShowTheirEvidenceAndAreDisputedAndClosedNeverDeleted() {
        long id = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        long entries = fx.ledgerEntries();
        Api.Response marks = api.post("/api/people/" + id + "/affiliations", "oficial", Map.of("group", "MS-13",
                "source", "OBSERVED_MARKS", "evidenceRef", "Tatuaje MS en el pecho, fotografía F-2026-118",
                "confidence", "MEDIUM", "claimedOn", "2026-11-28"));
        assertThat(marks.status()).as(marks.body()).isEqualTo(201);
        assertThat(marks.json().get("restsOnNoEvidence").asBoolean()).isFalse();
        Api.Response report = api.post("/api/people/" + id + "/affiliations", "registro", Map.of("group", "B18-SUR",
                "source", "INTELLIGENCE_REPORT", "confidence", "LOW", "claimedOn", "2026-11-28"));
        assertThat(report.status()).isEqualTo(201);
        assertThat(report.json().get("restsOnNoEvidence").asBoolean()).isTrue();
        assertThat(report.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(fx.ledgerEntries()).isEqualTo(entries + 2);

        long claim = report.json().get("id").asLong();
        Api.Response disputed = api.post("/api/affiliations/" + claim + "/status", "registro",
                Map.of("status", "DISPUTED", "reason", "La persona lo niega; no hay informe adjunto"));
        assertThat(disputed.status()).isEqualTo(200);
        assertThat(disputed.json().get("status").asString()).isEqualTo("DISPUTED");
        Api.Response closed = api.post("/api/affiliations/" + claim + "/status", "direccion",
                Map.of("status", "CLOSED", "reason", "Sin sustento"));
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("statusHistory").size()).isEqualTo(2);
        assertThat(api.post("/api/affiliations/" + claim + "/status", "direccion",
                Map.of("status", "CLOSED", "reason", "otra vez")).status()).isEqualTo(409);
        assertThat(api.get("/api/people/" + id + "/affiliations", "inspector").json().size()).isEqualTo(2);
        assertThatThrownBy(() -> org.custodia.support.Superuser.owner(dataSource)
                .sql("delete from affiliation_claim where id = ?").param(claim).update())
                .rootCause().hasMessageContaining("append-only");
        Api.Response page = api.get("/people/" + id + "/affiliations", "direccion");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sin evidencia").contains("Tatuaje MS en el pecho");
    }

    @Test
    void badClaimsAreRefusedAndChangeNothing() {
        long id = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + id + "/affiliations", "oficial", Map.of("group", "LOS-OTROS",
                "source", "SELF_DECLARED", "confidence", "HIGH", "claimedOn", "2026-11-28")).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + id + "/affiliations", "oficial", Map.of("group", "MS-13",
                "source", "RUMOUR", "confidence", "HIGH", "claimedOn", "2026-11-28")).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + id + "/affiliations", "oficial", Map.of("group", "MS-13",
                "source", "SELF_DECLARED", "confidence", "HIGH", "claimedOn", "2999-01-01")).status()).isEqualTo(400);
        assertThat(api.post("/api/affiliations/999999/status", "oficial", Map.of("status", "CLOSED", "reason", "x"))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/people/" + id + "/affiliations", "finanzas", Map.of()).status()).isEqualTo(403);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }
}
