package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Placement plans against the running service, and separation under concurrent moves. */
class PlansTest extends ServiceTest {

    long reception() {
        return db.sql("select id from location where facility_code = 'CECOT' and kind = 'RECEPTION'")
                .query(Long.class).single();
    }

    @Test
    void aPlanPlacesEveryoneLawfullyExplainsItAndIsAppliedOnlyOnApproval() {
        long reception = reception();
        List<Long> people = new ArrayList<>();
        String[] groups = {"MS-13", "B18-SUR", "B18-REV", null};
        for (int i = 0; i < 8; i++) {
            long p = fx.admit("CECOT", reception, i % 3 == 0 ? "SENTENCED" : "UNTRIED");
            if (groups[i % 4] != null) {
                fx.claim(p, groups[i % 4]);
            }
            people.add(p);
        }
        long entries = fx.ledgerEntries();
        Api.Response r = api.post("/api/housing/plans", "registro", Map.of("facilityCode", "CECOT", "personIds",
                people));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode plan = r.json();
        assertThat(plan.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(plan.get("totalMoves").asInt() + plan.get("unplaced").size()).isEqualTo(8);
        assertThat(plan.get("moves").get(0).get("why").get(0).get("text").asString()).contains("places after the move");
        assertThat(plan.get("moves").get(0).get("why").get(0).get("code").asString()).isEqualTo("CELL");
        assertThat(fx.ledgerEntries()).as("a proposal moves nobody").isEqualTo(entries);
        assertThat(db.sql("select count(*) from booking where person_id = any(?) and location_id = ?")
                .params(people.toArray(Long[]::new), reception).query(Long.class).single()).isEqualTo(8);

        long id = plan.get("id").asLong();
        Api.Response applied = api.post("/api/housing/plans/" + id + "/apply", "oficial", "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().get("decidedBy").asString()).isEqualTo("oficial");
        assertThat(api.post("/api/housing/plans/" + id + "/apply", "oficial", "{}").status()).isEqualTo(409);
        // nobody shares a cell with a rival, and untried and convicted are apart
        assertThat(db.sql("""
                select count(*) from booking a join booking b on a.location_id = b.location_id and a.person_id < b.person_id
                 where a.released_at is null and b.released_at is null and a.person_id = any(?)
                   and (a.legal_status = 'SENTENCED') <> (b.legal_status = 'SENTENCED')""")
                .param(people.toArray(Long[]::new)).query(Long.class).single()).isZero();
        assertThat(fx.ledgerEntries("PERSON_MOVED")).isGreaterThanOrEqualTo(plan.get("totalMoves").asLong());
    }

    @Test
    void theOfficialWhoProposedAPlanCannotApproveIt() {
        long person = fx.admit("CECOT", reception(), "UNTRIED");
        Api.Response r = api.post("/api/housing/plans", "oficial", Map.of("facilityCode", "CECOT", "personIds",
                List.of(person)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        long entries = fx.ledgerEntries();
        Api.Response self = api.post("/api/housing/plans/" + id + "/apply", "oficial", "{}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("different official");
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(db.sql("select location_id from booking where person_id = ? and released_at is null")
                .param(person).query(Long.class).single()).isEqualTo(reception());
        // a second official approves it
        assertThat(api.post("/api/housing/plans/" + id + "/apply", "direccion", "{}").status()).isEqualTo(200);
        assertThat(fx.ledgerEntries("PERSON_MOVED")).isPositive();
    }

    @Test
    void aPlanThatCannotPlaceSomeoneSaysWhy() {
        long reception = reception();
        long a = fx.admit("CECOT", reception, "UNTRIED");
        long b = fx.admit("CECOT", reception, "UNTRIED");
        assertThat(api.post("/api/non-associations", "registro", Map.of("personA", a, "personB", b, "level",
                "FACILITY", "kind", "INFORMANT", "reason", "Declaró contra el otro en juicio")).status()).isEqualTo(201);
        JsonNode plan = api.post("/api/housing/plans", "registro", Map.of("facilityCode", "CECOT", "personIds",
                List.of(a))).json();
        assertThat(plan.get("unplaced").get(0).get("reasons").get(0).get("text").asString())
                .contains("non-association at facility level").contains("transfer");
    }

    /** POST /api/housing/plans: refusals, one per test, each storing no plan. */
    @Nested
    class Refused {
        long plans() {
            return db.sql("select count(*) from housing_plan").query(Long.class).single();
        }

        @Test
        void noPeopleToPlace() {
            long before = plans();
            assertThat(api.post("/api/housing/plans", "registro", Map.of("facilityCode", "CECOT")).status())
                    .isEqualTo(400);
            assertThat(plans()).isEqualTo(before);
        }

        @Test
        void anUnknownFacility() {
            long a = fx.admit("CECOT", reception(), "UNTRIED");
            long before = plans();
            assertThat(api.post("/api/housing/plans", "registro", Map.of("facilityCode", "NOPE", "personIds",
                    List.of(a))).status()).isEqualTo(404);
            assertThat(plans()).isEqualTo(before);
        }
    }

    @Test
    void twoOfficersCannotPutRivalsInOneCellAtOnce() throws Exception {
        String pav = fx.newPavilion("CECOT");
        long target = fx.newCell("CECOT", 10, pav);
        List<Long> movers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long p = fx.admit("CECOT", fx.newCell("CECOT", 1), "UNTRIED");
            fx.claim(p, i % 2 == 0 ? "B18-SUR" : "B18-REV");
            movers.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (long p : movers) {
            results.add(pool.submit(() -> {
                start.await();
                return api.post("/api/moves", "oficial", Map.of("personId", p, "toLocationId", target,
                        "reason", "Reubicación")).status();
            }));
        }
        start.countDown();
        for (Future<Integer> f : results) {
            assertThat(f.get()).isIn(200, 409);
        }
        pool.shutdown();
        List<String> groups = db.sql("""
                select distinct c.group_code from booking b join affiliation_claim c on c.person_id = b.person_id
                 where b.location_id = ? and b.released_at is null""").param(target).query(String.class).list();
        assertThat(groups).hasSize(1);
        assertThat(fx.population(target)).isEqualTo(3);
    }
}
