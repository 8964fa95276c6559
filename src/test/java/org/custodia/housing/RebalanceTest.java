package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Rebalancing plans (Timefold) against the running service: proposed, reviewed, applied only on approval. */
class RebalanceTest extends ServiceTest {

    long pavilionId(String code) {
        return db.sql("select id from pavilion where code = ?").param(code).query(Long.class).single();
    }

    void charge(long person, String caseNumber) {
        Api.Response r = api.post("/api/people/" + person + "/charges", "registro", Map.of("caseNumber", caseNumber,
                "offence", "Homicidio agravado", "statuteArticle", "Código Penal art. 129", "seriousness", "SERIOUS"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    long cellOf(long person) {
        return db.sql("select location_id from booking where person_id = ? and released_at is null").param(person)
                .query(Long.class).single();
    }

    long plans() {
        return db.sql("select count(*) from housing_plan").query(Long.class).single();
    }

    @Test
    void aRebalancingSeparatesCoDefendantsAndEvensOutACrowdedCellOnlyWhenApproved() {
        String pav = fx.newPavilion("CECOT");
        long crowded = fx.newCell("CECOT", 6, pav);
        long empty = fx.newCell("CECOT", 6, pav);
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(fx.admit("CECOT", crowded, "UNTRIED"));
        }
        String caseNumber = "EXP-REB-" + people.getFirst();
        charge(people.get(0), caseNumber);
        charge(people.get(1), caseNumber);
        long entries = fx.ledgerEntries();

        Api.Response r = api.post("/api/housing/plans/rebalance", "registro", Map.of("facilityCode", "CECOT",
                "pavilionIds", List.of(pavilionId(pav)), "seconds", 2));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode plan = r.json();
        assertThat(plan.get("kind").asString()).isEqualTo("REBALANCE");
        assertThat(plan.get("status").asString()).isEqualTo("PROPOSED");
        JsonNode summary = plan.get("summary");
        assertThat(summary.get("people").asInt()).isEqualTo(6);
        assertThat(summary.get("coDefendantPairsBefore").asInt()).isEqualTo(1);
        assertThat(summary.get("coDefendantPairsAfter").asInt()).isZero();
        assertThat(summary.get("maxPopulationAfter").asInt()).isLessThanOrEqualTo(4);
        assertThat(plan.get("totalMoves").asInt()).isBetween(2, 3);
        assertThat(plan.get("moves").get(0).get("toCellId").asLong()).isEqualTo(empty);
        assertThat(fx.ledgerEntries()).as("a proposal moves nobody").isEqualTo(entries);
        assertThat(fx.population(crowded)).isEqualTo(6);

        long id = plan.get("id").asLong();
        assertThat(api.get("/housing/plans/" + id, "oficial").body()).as("reasons in Spanish")
                .contains("separa a coimputados").contains("Parejas de coimputados en la misma celda");
        assertThat(api.get("/housing/plans/" + id + "?lang=en", "oficial").body()).as("and in English")
                .contains("separates co-defendants").contains("Co-defendant pairs sharing a cell");
        Api.Response applied = api.post("/api/housing/plans/" + id + "/apply", "oficial", "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(fx.population(crowded) + fx.population(empty)).isEqualTo(6);
        assertThat(fx.population(crowded)).isLessThanOrEqualTo(4);
        assertThat(cellOf(people.get(0))).as("co-defendants apart").isNotEqualTo(cellOf(people.get(1)));
        assertThat(db.sql("select count(*) from ledger_entry where event_type = 'PERSON_MOVED' and (canonical::jsonb -> 'payload')::text like ?")
                .param("%rebalancing plan " + id + "%").query(Long.class).single())
                .isEqualTo(plan.get("totalMoves").asLong());
    }

    @Test
    void aMoveTheReCheckRefusesStaysOutOfThePlanWithItsReasonInSpanish() {
        String crowdedPavilion = fx.newPavilion("CECOT");
        String otherPavilion = fx.newPavilion("CECOT");
        long crowded = fx.newCell("CECOT", 6, crowdedPavilion);
        fx.newCell("CECOT", 6, otherPavilion);
        // a Barrio 18 man in the other pavilion's ward: outside any cell, so the solver does not see him
        Api.Response ward = api.post("/api/facilities/CECOT/locations", "admin", List.of(Map.of("pavilionCode",
                otherPavilion, "code", otherPavilion + "-ENF", "kind", "MEDICAL", "level", 1, "floorAreaM2", 30.0)));
        assertThat(ward.status()).as(ward.body()).isEqualTo(201);
        long patient = fx.admit("CECOT", ward.json().get(0).get("id").asLong(), "UNTRIED");
        fx.claim(patient, "B18-SUR");
        for (int i = 0; i < 6; i++) {
            fx.claim(fx.admit("CECOT", crowded, "UNTRIED"), "MS-13");
        }

        JsonNode plan = api.post("/api/housing/plans/rebalance", "registro", Map.of("facilityCode", "CECOT",
                "pavilionIds", List.of(pavilionId(crowdedPavilion), pavilionId(otherPavilion)), "seconds", 2)).json();
        assertThat(plan.get("totalMoves").asInt()).as("nobody moves in with a rival").isZero();
        JsonNode kept = plan.get("unplaced").get(0).get("reasons").get(0);
        assertThat(kept.get("code").asString()).isEqualTo("KEPT_IN");
        assertThat(kept.get("violation").get("rule").asString()).isEqualTo("RIVAL_GROUP");
        assertThat(kept.get("text").asString()).contains("rival groups B18-SUR/MS-13 in the same pavilion");
        assertThat(api.get("/housing/plans/" + plan.get("id").asLong(), "oficial").body())
                .contains("Se quedan donde están")
                .contains("incumpliría una regla: Grupos rivales B18-SUR/MS-13 en el mismo pabellón");
    }

    /** POST /api/housing/plans/rebalance: refusals, one per test, each storing no plan. */
    @Nested
    class Refused {
        long before;

        @BeforeEach
        void count() {
            before = plans();
        }

        static Stream<Arguments> malformed() {
            return Stream.of(Arguments.of("no facility", Map.of()),
                    Arguments.of("no time to search", Map.of("facilityCode", "CECOT", "seconds", 0)),
                    Arguments.of("more than a minute", Map.of("facilityCode", "CECOT", "seconds", 61)),
                    Arguments.of("no moves allowed", Map.of("facilityCode", "CECOT", "maxMoves", 0)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void aMalformedRequest(String what, Map<String, Object> body) {
            assertThat(api.post("/api/housing/plans/rebalance", "registro", body).status()).isEqualTo(400);
            assertThat(plans()).isEqualTo(before);
        }

        @Test
        void aPavilionOfAnotherFacility() {
            String other = fx.newPavilion("LAESPERANZA");
            Api.Response r = api.post("/api/housing/plans/rebalance", "registro", Map.of("facilityCode", "CECOT",
                    "pavilionIds", List.of(pavilionId(other))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("pavilionIds");
            assertThat(plans()).isEqualTo(before);
        }

        @Test
        void anUnknownFacility() {
            assertThat(api.post("/api/housing/plans/rebalance", "registro", Map.of("facilityCode", "NOPE")).status())
                    .isEqualTo(404);
            assertThat(plans()).isEqualTo(before);
        }
    }

    @Test
    void oneRebalancingRunsAtATime() throws Exception {
        String pav = fx.newPavilion("CECOT");
        long cell = fx.newCell("CECOT", 6, pav);
        fx.newCell("CECOT", 6, pav);
        fx.admit("CECOT", cell, "UNTRIED");
        fx.admit("CECOT", cell, "UNTRIED");
        Map<String, Object> body = Map.of("facilityCode", "CECOT", "pavilionIds", List.of(pavilionId(pav)),
                "seconds", 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> call = () -> api.post("/api/housing/plans/rebalance", "registro", body).status();
            Future<Integer> a = pool.submit(call);
            Future<Integer> b = pool.submit(call);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
    }
}
