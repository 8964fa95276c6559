package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** For people held for another state, the stated grounds and evidence; "no evidence provided" is explicit and counted. */
class TransferGroundsTest extends ServiceTest {

    long admitForAnotherState() {
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 2), "Yeferson José",
                "Rondón", "Pérez"));
        a.put("nationality", "VEN");
        a.put("legalStatus", "HELD_FOR_ANOTHER_STATE");
        Api.Response r = api.post("/api/people", "registro", a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode cecot() {
        for (JsonNode f : api.get("/api/figures/transfers-in", "inspector").json().values()) {
            if (f.get("facilityCode").asString().equals("CECOT")) {
                return f;
            }
        }
        throw new AssertionError("no CECOT figures");
    }

    @Test
    void groundsAndTheAbsenceOfEvidenceAreRecordedAndCounted() {
        long id = admitForAnotherState();
        JsonNode before = cecot();
        assertThat(before.get("noGroundsRecorded").asLong()).isPositive();
        assertThat(api.get("/api/people/" + id + "/transfer-grounds", "registro").status()).isEqualTo(404);

        Api.Response r = api.post("/api/people/" + id + "/transfer-grounds", "registro", Map.of(
                "agreement", "Acuerdo de servicios penitenciarios 2025",
                "statedGrounds", "Presunta pertenencia a una organización criminal", "evidenceProvided", false));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode after = cecot();
        assertThat(after.get("noEvidenceProvided").asLong()).isEqualTo(before.get("noEvidenceProvided").asLong() + 1);
        assertThat(after.get("noGroundsRecorded").asLong()).isEqualTo(before.get("noGroundsRecorded").asLong() - 1);
        assertThat(api.get("/api/people/" + id + "/transfer-grounds", "inspector").json().get("evidenceProvided")
                .asBoolean()).isFalse();
        assertThat(fx.ledgerEntries("TRANSFER_GROUNDS_RECORDED")).isPositive();
    }

    @Test
    void incoherentGroundsAreRefused() {
        long id = admitForAnotherState();
        long entries = fx.ledgerEntries();
        Map<String, Object> noEvidenceButDescribed = new HashMap<>(Map.of("agreement", "Acuerdo 2025",
                "statedGrounds", "x", "evidenceProvided", false, "evidence", "un informe"));
        assertThat(api.post("/api/people/" + id + "/transfer-grounds", "registro", noEvidenceButDescribed).status())
                .isEqualTo(400);
        assertThat(api.post("/api/people/" + id + "/transfer-grounds", "registro", Map.of("agreement", "Acuerdo 2025",
                "statedGrounds", "x")).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + id + "/transfer-grounds", "registro", Map.of("agreement", "Acuerdo 2025",
                "statedGrounds", "x", "evidenceProvided", true)).status()).isEqualTo(400);
        long untried = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + untried + "/transfer-grounds", "registro", Map.of("agreement", "A",
                "statedGrounds", "x", "evidenceProvided", false)).status()).isEqualTo(409);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }
}
