package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Moves against the running service: rules checked at commit, refused with the reason, overrides flagged. */
class MovesTest extends ServiceTest {

    private Api.Response move(String user, long person, long to, String override) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("personId", person);
        body.put("toLocationId", to);
        body.put("reason", "Reubicación ordenada por la jefatura de pabellón");
        if (override != null) {
            body.put("overrideReason", override);
        }
        return api.post("/api/moves", user, body);
    }

    private long locationOf(long person) {
        return db.sql("select location_id from booking where person_id = ? and released_at is null").param(person)
                .query(Long.class).single();
    }

    @Test
    void rivalsInOneCellAreRefusedWithTheReasonAndNothingChanges() {
        String pav = fx.newPavilion("CECOT");
        long c1 = fx.newCell("CECOT", 4, pav);
        long c2 = fx.newCell("CECOT", 4, pav);
        long sur = fx.admit("CECOT", c1, "UNTRIED");
        long rev = fx.admit("CECOT", c2, "UNTRIED");
        fx.claim(sur, "B18-SUR");
        fx.claim(rev, "B18-REV");
        long entries = fx.ledgerEntries();

        Api.Response r = move("oficial", rev, c1, null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("rival groups B18-REV/B18-SUR in the same cell");
        JsonNode refused = r.json().get("refused").get(0);
        assertThat(refused.get("personId").asLong()).isEqualTo(rev);
        assertThat(refused.get("violations").get(0).get("rule").asString()).isEqualTo("RIVAL_GROUP");
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.population(c1)).isEqualTo(1);
        assertThat(locationOf(rev)).isEqualTo(c2);

        // the dry-run check says the same and changes nothing
        JsonNode check = api.post("/api/moves/check", "oficial",
                Map.of("moves", List.of(Map.of("personId", rev, "toLocationId", c1)))).json();
        assertThat(check.get(0).get("violations").get(0).get("level").asString()).isEqualTo("CELL");
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void pavilionRivalsAreKeptInDifferentPavilions() {
        String pav = fx.newPavilion("CECOT");
        long c1 = fx.newCell("CECOT", 4, pav);
        long c2 = fx.newCell("CECOT", 4, pav);
        long elsewhere = fx.newCell("CECOT", 4, fx.newPavilion("CECOT"));
        long ms = fx.admit("CECOT", c1, "UNTRIED");
        long b18 = fx.admit("CECOT", elsewhere, "UNTRIED");
        fx.claim(ms, "MS-13");
        fx.claim(b18, "B18-SUR");
        Api.Response r = move("oficial", b18, c2, null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("B18-SUR/MS-13 in the same pavilion");
        assertThat(fx.population(c2)).isZero();
    }

    @Test
    void categoriesAreKeptApart() {
        long convictedCell = fx.newCell("CECOT", 4);
        long other = fx.newCell("CECOT", 4);
        fx.admit("CECOT", convictedCell, "SENTENCED");
        long untried = fx.admit("CECOT", other, "UNTRIED");
        Api.Response r = move("oficial", untried, convictedCell, null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("UNTRIED_CONVICTED");
    }

    @Test
    void overridesNeedCommandAndAReasonAndAreFlaggedToTheInspector() {
        long c1 = fx.newCell("CECOT", 4);
        long c2 = fx.newCell("CECOT", 4);
        long sur = fx.admit("CECOT", c1, "UNTRIED");
        long rev = fx.admit("CECOT", c2, "UNTRIED");
        fx.claim(sur, "B18-SUR");
        fx.claim(rev, "B18-REV");
        assertThat(move("oficial", rev, c1, "Orden verbal").status()).isEqualTo(403);
        assertThat(locationOf(rev)).isEqualTo(c2);

        Api.Response r = move("direccion", rev, c1, "Evacuación del pabellón por incendio; traslado temporal");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("overridden").asBoolean()).isTrue();
        assertThat(locationOf(rev)).isEqualTo(c1);
        assertThat(fx.ledgerEntries("HOUSING_RULE_OVERRIDDEN")).isPositive();
        JsonNode flagged = api.get("/api/housing/overrides", "inspector").json();
        assertThat(flagged.values().stream().anyMatch(o -> o.get("personId").asLong() == rev
                && o.get("reason").asString().contains("incendio") && o.get("authorisedBy").asString()
                .equals("direccion"))).isTrue();
        assertThat(db.sql("select count(*) from ledger_entry where event_type = 'PERSON_MOVED' and person_id = ?")
                .param(rev).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void capacityIsNeverOverriddenPerMove() {
        long full = fx.newCell("CECOT", 1);
        long other = fx.newCell("CECOT", 1);
        fx.admit("CECOT", full, "UNTRIED");
        long p = fx.admit("CECOT", other, "UNTRIED");
        Api.Response r = move("direccion", p, full, "Urgente");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("Capacity is never overridden");
        assertThat(fx.population(full)).isEqualTo(1);
    }

    @Test
    void nonAssociationsAreRespectedClosedAndReopened() {
        long c1 = fx.newCell("CECOT", 4);
        long c2 = fx.newCell("CECOT", 4);
        long victim = fx.admit("CECOT", c1, "UNTRIED");
        long aggressor = fx.admit("CECOT", c2, "UNTRIED");
        Api.Response na = api.post("/api/non-associations", "registro", Map.of("personA", victim, "personB",
                aggressor, "level", "CELL", "kind", "VICTIM_AGGRESSOR", "reason", "Agresión denunciada, parte 2026-331"));
        assertThat(na.status()).as(na.body()).isEqualTo(201);
        assertThat(na.json().get("breachedNow").asBoolean()).isFalse();
        long naId = na.json().get("nonAssociation").get("id").asLong();
        assertThat(api.post("/api/non-associations", "registro", Map.of("personA", aggressor, "personB", victim,
                "level", "PAVILION", "kind", "OTHER", "reason", "otra")).status()).isEqualTo(409);

        Api.Response refused = move("oficial", aggressor, c1, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("non-association with person " + victim);

        Api.Response closed = api.post("/api/non-associations/" + naId + "/status", "direccion",
                Map.of("status", "CLOSED", "reason", "Sobreseimiento; sin riesgo según evaluación"));
        assertThat(closed.json().get("active").asBoolean()).isFalse();
        assertThat(move("oficial", aggressor, c1, null).status()).isEqualTo(200);
        Api.Response reopened = api.post("/api/non-associations/" + naId + "/status", "registro",
                Map.of("status", "REOPENED", "reason", "Nueva amenaza registrada"));
        assertThat(reopened.json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/people/" + victim + "/non-associations", "inspector").json().size()).isEqualTo(1);
        assertThat(fx.ledgerEntries("NON_ASSOCIATION_REOPENED")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void swapsExchangeFullCellsInOneCommit() {
        long c1 = fx.newCell("CECOT", 1);
        long c2 = fx.newCell("CECOT", 1);
        long a = fx.admit("CECOT", c1, "UNTRIED");
        long b = fx.admit("CECOT", c2, "UNTRIED");
        Api.Response r = api.post("/api/moves/swap", "oficial", Map.of("personA", a, "personB", b,
                "reason", "Intercambio por convivencia"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(locationOf(a)).isEqualTo(c2);
        assertThat(locationOf(b)).isEqualTo(c1);
        assertThat(fx.population(c1)).isEqualTo(1);
        assertThat(fx.population(c2)).isEqualTo(1);
    }

    /** Refusals, each leaving bookings, non-associations and the ledger as they were. */
    abstract class Refusal {
        long c1;
        long p;
        long other2;
        long entries;

        @BeforeEach
        void held() {
            c1 = fx.newCell("CECOT", 2);
            p = fx.admit("CECOT", c1, "UNTRIED");
            other2 = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
            entries = fx.ledgerEntries();
        }

        @AfterEach
        void nothingChanged() {
            assertThat(locationOf(p)).isEqualTo(c1);
            assertThat(db.sql("select count(*) from non_association where ? in (person_a, person_b)").param(p)
                    .query(Long.class).single()).isZero();
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }
    }

    /** {@code POST /api/moves} and {@code POST /api/moves/bulk} */
    @Nested
    class MoveRefused extends Refusal {
        @Test
        void withoutCredentials() {
            assertThat(move(null, p, other2, null).status()).isEqualTo(401);
        }

        @Test
        void financeStaffMayNotMovePeople() {
            assertThat(move("finanzas", p, locationOf(other2), null).status()).isEqualTo(403);
        }

        @Test
        void withoutAReason() {
            assertThat(api.post("/api/moves", "oficial", Map.of("personId", p, "toLocationId", c1)).status())
                    .isEqualTo(400);
        }

        @Test
        void toAnUnknownPlace() {
            assertThat(move("oficial", p, 999_999_999L, null).status()).isEqualTo(400);
        }

        @Test
        void anUnknownPersonIs404() {
            assertThat(move("oficial", 999_999_999L, c1, null).status()).isEqualTo(404);
        }

        @Test
        void intoTheCellTheyAreInIs409() {
            assertThat(move("oficial", p, c1, null).status()).isEqualTo(409);
        }

        @Test
        void toACellOfAnotherFacility() {
            long other = db.sql("select id from location where facility_code <> 'CECOT' and kind = 'CELL' limit 1")
                    .query(Long.class).single();
            assertThat(move("oficial", p, other, null).status()).isEqualTo(400);
        }

        @Test
        void theSamePersonTwiceInOneBulkMove() {
            assertThat(api.post("/api/moves/bulk", "oficial", Map.of("reason", "x", "moves",
                    List.of(Map.of("personId", p, "toLocationId", c1), Map.of("personId", p, "toLocationId", c1))))
                    .status()).isEqualTo(400);
        }

        @Test
        void aPersonIdThatIsNotANumber() {
            assertThat(api.post("/api/moves", "oficial", "{\"personId\": \"uno\"}").status()).isEqualTo(400);
        }
    }

    /** {@code POST /api/non-associations} */
    @Nested
    class NonAssociationRefused extends Refusal {
        Api.Response record(long a, long b, String level, String kind) {
            return api.post("/api/non-associations", "registro", Map.of("personA", a, "personB", b, "level", level,
                    "kind", kind, "reason", "x"));
        }

        @Test
        void financeStaffMayNotRecordOne() {
            assertThat(api.post("/api/non-associations", "finanzas", Map.of("personA", p, "personB", other2,
                    "level", "CELL", "kind", "THREAT", "reason", "x")).status()).isEqualTo(403);
        }

        @Test
        void theSamePersonTwice() {
            assertThat(record(p, p, "CELL", "THREAT").status()).isEqualTo(400);
        }

        @Test
        void anUnknownKind() {
            assertThat(record(p, other2, "CELL", "ENEMIGO").status()).isEqualTo(400);
        }

        @Test
        void anUnknownLevel() {
            assertThat(record(p, other2, "WING", "THREAT").status()).isEqualTo(400);
        }

        @Test
        void anUnknownPersonIs404() {
            assertThat(record(p, 999_999_999L, "CELL", "THREAT").status()).isEqualTo(404);
        }
    }
}
