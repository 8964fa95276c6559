package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** The legal status of a stay changes on a stated basis, with its ledger entry; a pointless change is refused. */
class LegalStatusTest extends ServiceTest {
    @Test
    void untriedBecomesSentencedOnAJudgment() {
        long id = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        long entries = fx.ledgerEntries("LEGAL_STATUS_CHANGED");
        assertThat(api.post("/api/people/" + id + "/legal-status", "registro", Map.of("status", "SENTENCED")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/people/" + id + "/legal-status", "registro", Map.of("status", "UNTRIED",
                "basis", "x")).status()).isEqualTo(409);
        assertThat(api.post("/api/people/" + id + "/legal-status", "oficial", Map.of("status", "SENTENCED",
                "basis", "x")).status()).isEqualTo(403);
        assertThat(fx.ledgerEntries("LEGAL_STATUS_CHANGED")).isEqualTo(entries);
        var r = api.post("/api/people/" + id + "/legal-status", "registro", Map.of("status", "SENTENCED",
                "basis", "Sentencia condenatoria firme 45-2026, Tribunal de Sentencia A"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("current").get("legalStatus").asString()).isEqualTo("SENTENCED");
        assertThat(fx.ledgerEntries("LEGAL_STATUS_CHANGED")).isEqualTo(entries + 1);
    }
}
