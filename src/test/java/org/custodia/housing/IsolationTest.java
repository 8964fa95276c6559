package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contagious isolation: ordered and ended by health or command, obeyed by moves, the diagnosis kept off the ledger. */
class IsolationTest extends ServiceTest {

    long orders() {
        return db.sql("select count(*) from isolation_order").query(Long.class).single();
    }

    Api.Response move(long person, long cell) {
        return api.post("/api/moves", "oficial", Map.of("personId", person, "toLocationId", cell,
                "reason", "Redistribución"));
    }

    @Test
    void anIsolatedPersonSharesACellOnlyWithTheirCohortUntilTheOrderEnds() {
        String pav = fx.newPavilion("CECOT");
        long shared = fx.newCell("CECOT", 4, pav);
        long isolationCell = fx.newCell("CECOT", 4, pav);
        long other = fx.newCell("CECOT", 4, pav);
        long patient = fx.admit("CECOT", shared, "UNTRIED");
        fx.admit("CECOT", shared, "UNTRIED");
        long newcomer = fx.admit("CECOT", other, "UNTRIED");

        Api.Response r = api.post("/api/people/" + patient + "/isolation", "salud", Map.of("cohort", "AISL-TB1",
                "reason", "Tuberculosis pulmonar bacilífera, baciloscopia positiva"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode order = r.json();
        assertThat(order.get("cellmatesOutsideCohort").asInt()).as("a move is needed").isEqualTo(1);
        assertThat(order.get("orderedBy").asString()).isEqualTo("salud");
        assertThat(db.sql("select (canonical::jsonb -> 'payload')::text from ledger_entry where person_id = ? and event_type = "
                + "'ISOLATION_ORDERED'").param(patient).query(String.class).single())
                .contains("AISL-TB1").doesNotContain("Tuberculosis");
        assertThat(api.post("/api/people/" + patient + "/isolation", "direccion", Map.of("cohort", "AISL-TB2",
                "reason", "otra")).status()).as("one order at a time").isEqualTo(409);
        assertThat(api.get("/api/people/" + patient + "/isolation", "oficial").status()).isEqualTo(403);
        assertThat(api.get("/api/people/" + patient + "/isolation", "salud").json().get(0).get("reason").asString())
                .startsWith("Tuberculosis");

        assertThat(move(patient, isolationCell).status()).isEqualTo(200);
        assertThat(api.get("/housing/cells/" + isolationCell, "oficial").body())
                .as("the cell page names the category in words, the cohort by its code only")
                .contains("hombre, sin condena, adulto, aislamiento AISL-TB1").doesNotContain("Tuberculosis")
                .as("the move dialog suggests cells with room").contains("<datalist id=\"cells-with-room\">")
                .contains(db.sql("select code from location where id = ?").param(other).query(String.class).single());
        Api.Response refused = move(newcomer, isolationCell);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("CONTAGIOUS_ISOLATION");

        long id = order.get("id").asLong();
        Api.Response ended = api.post("/api/isolation/" + id + "/end", "salud",
                Map.of("reason", "Tres baciloscopias negativas"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("endedBy").asString()).isEqualTo("salud");
        assertThat(api.post("/api/isolation/" + id + "/end", "salud", Map.of("reason", "otra vez")).status())
                .isEqualTo(409);
        assertThat(fx.ledgerEntries("ISOLATION_ENDED")).isPositive();
        assertThat(move(newcomer, isolationCell).status()).isEqualTo(200);
    }

    @Test
    void badOrdersAreRefusedAndChangeNothing() {
        long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        long before = orders();
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + person + "/isolation", "salud", Map.of("cohort", "tuberculosis",
                "reason", "x")).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + person + "/isolation", "salud", Map.of("cohort", "AISL-1"))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/people/999999999/isolation", "salud", Map.of("cohort", "AISL-1",
                "reason", "x")).status()).isEqualTo(404);
        assertThat(api.post("/api/isolation/999999999/end", "salud", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(orders()).isEqualTo(before);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }
}
