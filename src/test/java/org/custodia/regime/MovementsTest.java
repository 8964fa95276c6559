package org.custodia.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.MutableClock;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Movements out of the cell: who leaves, under escort, to where, and back; nobody is in two places. */
class MovementsTest extends ServiceTest {
    @Autowired
    MutableClock clock;

    long cell;
    long yard;

    @BeforeEach
    void setUp() {
        cell = fx.newCell("CECOT", 10);
        yard = fx.newPlace("CECOT", "EXERCISE_YARD");
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    Map<String, Object> movement(List<Long> people, long to, String purpose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personIds", people);
        m.put("destinationId", to);
        m.put("purpose", purpose);
        m.put("escort", "Sgto. Ramírez y 2 agentes");
        m.put("dueBackAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        return m;
    }

    Api.Response leave(String user, List<Long> people, long to, String purpose) {
        return api.post("/api/movements", user, movement(people, to, purpose));
    }

    /** Two people of rival groups, in different cells. */
    long[] rivals() {
        long ms = fx.admit("CECOT", cell, "UNTRIED");
        long b18 = fx.admit("CECOT", fx.newCell("CECOT", 10), "UNTRIED");
        fx.claim(ms, "MS-13");
        fx.claim(b18, "B18-SUR");
        return new long[] {ms, b18};
    }

    long openMovements() {
        return db.sql("select count(*) from movement_person where returned_at is null").query(Long.class).single();
    }

    @Nested
    class Leaving {
        @Test
        void withoutCredentialsIsRefused() {
            assertThat(leave(null, List.of(fx.admit("CECOT", cell, "UNTRIED")), yard, "EXERCISE").status())
                    .isEqualTo(401);
        }

        @Test
        void recordsStaffDoNotMovePeople() {
            assertThat(leave("registro", List.of(fx.admit("CECOT", cell, "UNTRIED")), yard, "EXERCISE").status())
                    .isEqualTo(403);
        }

        @Test
        void anOfficerOfAnotherFacilitySeesNoSuchPlace() {
            String other = fx.account("oficial-otro-mov", "OFFICER", fx.otherFacility());
            long person = fx.admit("CECOT", cell, "UNTRIED");
            long before = openMovements();
            assertThat(leave(other, List.of(person), yard, "EXERCISE").status()).isEqualTo(404);
            assertThat(openMovements()).isEqualTo(before);
        }

        @Test
        void aPurposeGoesOnlyToItsKindOfPlace() {
            long person = fx.admit("CECOT", cell, "UNTRIED");
            long entries = fx.ledgerEntries();
            Api.Response r = leave("oficial", List.of(person), yard, "MEDICAL");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("destinationId");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aReturnTimeInThePastIsRefused() {
            Map<String, Object> m = movement(List.of(fx.admit("CECOT", cell, "UNTRIED")), yard, "EXERCISE");
            m.put("dueBackAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
            assertThat(api.post("/api/movements", "oficial", m).status()).isEqualTo(400);
        }

        @Test
        void anEmptyGroupIsRefused() {
            assertThat(leave("oficial", List.of(), yard, "EXERCISE").status()).isEqualTo(400);
        }

        @Test
        void peopleLeaveTogetherAndEachLeavingIsOnTheLedger() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long b = fx.admit("CECOT", cell, "UNTRIED");
            long entries = fx.ledgerEntries("LEFT_CELL");
            Api.Response r = leave("oficial", List.of(a, b), yard, "EXERCISE");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode m = r.json();
            assertThat(m.get("people")).hasSize(2);
            assertThat(m.get("recordedBy").asString()).isEqualTo("oficial");
            assertThat(m.get("people").get(0).get("returnedAt").isNull()).isTrue();
            assertThat(fx.ledgerEntries("LEFT_CELL")).isEqualTo(entries + 2);
            assertThat(fx.population(cell)).as("out of cell is not a change of cell").isEqualTo(2);
        }

        @Test
        void someoneAlreadyOutCannotLeaveAgain() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            assertThat(leave("oficial", List.of(a), yard, "EXERCISE").status()).isEqualTo(201);
            Api.Response again = leave("oficial", List.of(a), fx.newPlace("CECOT", "MEDICAL"), "MEDICAL");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("out-of-cell");
        }

        @Test
        void someoneReleasedCannotLeave() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            assertThat(api.post("/api/people/" + a + "/release", "registro", Map.of("basis", "COURT_ORDER",
                    "reference", "Resolución 1")).status()).isEqualTo(200);
            Api.Response r = leave("oficial", List.of(a), yard, "EXERCISE");
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("not-in-custody");
        }

        @Test
        void rivalsAreNotEscortedTogether() {
            long[] rivals = rivals();
            long ms = rivals[0];
            long b18 = rivals[1];
            long before = openMovements();
            Api.Response r = leave("oficial", List.of(ms, b18), yard, "EXERCISE");
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("housing-rule");
            assertThat(r.body()).contains("RIVAL_GROUP");
            assertThat(openMovements()).isEqualTo(before);
        }

        @Test
        void nobodyIsTakenToAYardWhereARivalAlreadyIs() {
            long[] rivals = rivals();
            long ms = rivals[0];
            long b18 = rivals[1];
            assertThat(leave("oficial", List.of(ms), yard, "EXERCISE").status()).isEqualTo(201);
            Api.Response r = leave("oficial", List.of(b18), yard, "EXERCISE");
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("RIVAL_GROUP");
            assertThat(leave("oficial", List.of(b18), fx.newPlace("CECOT", "EXERCISE_YARD"), "EXERCISE").status())
                    .as("another yard").isEqualTo(201);
        }

        @Test
        void nonAssociatedPeopleAreNotEscortedTogether() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long b = fx.admit("CECOT", fx.newCell("CECOT", 10), "UNTRIED");
            assertThat(api.post("/api/non-associations", "oficial", Map.of("personA", a, "personB", b, "level",
                    "CELL", "kind", "THREAT", "reason", "Amenazas en audiencia")).status()).isEqualTo(201);
            Api.Response r = leave("oficial", List.of(a, b), yard, "EXERCISE");
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("NON_ASSOCIATION").doesNotContain("Amenazas");
        }

        @Test
        void anEmergencyGoesEvenWithAClashAndSaysSoOnTheLedger() {
            long[] rivals = rivals();
            long ms = rivals[0];
            long b18 = rivals[1];
            long medical = fx.newPlace("CECOT", "MEDICAL");
            assertThat(leave("oficial", List.of(ms), medical, "MEDICAL").status()).isEqualTo(201);
            Map<String, Object> m = movement(List.of(b18), medical, "MEDICAL");
            m.put("emergency", true);
            m.put("reason", "Herida sangrante en la cabeza");
            assertThat(api.post("/api/movements", "oficial", m).status()).isEqualTo(201);
            assertThat(db.sql("select canonical from ledger_entry where person_id = ? and event_type = 'LEFT_CELL'")
                    .param(b18).query(String.class).single()).contains("\"emergency\":true", "\"clashes\":1");
        }
    }

    @Nested
    class ComingBack {
        @Test
        void eachPersonComesBackOnTheirOwn() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long b = fx.admit("CECOT", cell, "UNTRIED");
            long id = leave("oficial", List.of(a, b), yard, "EXERCISE").json().get("id").asLong();
            Api.Response r = api.post("/api/movements/" + id + "/return", "oficial", Map.of("personIds", List.of(a)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("people").get(0).get("returnedBy").asString()).isEqualTo("oficial");
            assertThat(r.json().get("people").get(1).get("returnedAt").isNull()).isTrue();
            assertThat(api.post("/api/movements/" + id + "/return", "oficial", null).status()).isEqualTo(200);
            assertThat(fx.ledgerEntries("RETURNED_TO_CELL")).isGreaterThanOrEqualTo(2);
        }

        @Test
        void comingBackTwiceIsRefused() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long id = leave("oficial", List.of(a), yard, "EXERCISE").json().get("id").asLong();
            assertThat(api.post("/api/movements/" + id + "/return", "oficial", null).status()).isEqualTo(200);
            long entries = fx.ledgerEntries();
            Api.Response again = api.post("/api/movements/" + id + "/return", "oficial", null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("already-done");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void anUnknownMovementIsNotFound() {
            assertThat(api.post("/api/movements/999999999/return", "oficial", null).status()).isEqualTo(404);
        }

        @Test
        void afterComingBackThePersonMayLeaveAgain() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long id = leave("oficial", List.of(a), yard, "EXERCISE").json().get("id").asLong();
            api.post("/api/movements/" + id + "/return", "oficial", null);
            assertThat(leave("oficial", List.of(a), yard, "EXERCISE").status()).isEqualTo(201);
        }
    }

    @Nested
    class OutOfCell {
        @Test
        void financeStaffDoNotSeeWhoIsOut() {
            assertThat(api.get("/api/facilities/CECOT/out-of-cell", "finanzas").status()).isEqualTo(403);
        }

        @Test
        void theListIsBounded() {
            assertThat(api.get("/api/facilities/CECOT/out-of-cell?size=501", "oficial").status()).isEqualTo(400);
            assertThat(api.get("/api/facilities/CECOT/out-of-cell?page=-1", "oficial").status()).isEqualTo(400);
        }

        @Test
        void aPersonOutIsListedAndFlaggedWhenOverdue() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            long id = leave("oficial", List.of(a), yard, "EXERCISE").json().get("id").asLong();
            long overdueBefore = api.get("/api/facilities/CECOT/out-of-cell?overdue=true", "oficial").json()
                    .get("total").asLong();
            clock.pin(Instant.now().plus(Duration.ofHours(2)));
            JsonNode overdue = api.get("/api/facilities/CECOT/out-of-cell?overdue=true&size=500", "oficial").json();
            assertThat(overdue.get("total").asLong()).isGreaterThan(overdueBefore);
            JsonNode mine = null;
            for (JsonNode o : overdue.get("items")) {
                if (o.get("personId").asLong() == a) {
                    mine = o;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("overdue").asBoolean()).isTrue();
            assertThat(mine.get("movementId").asLong()).isEqualTo(id);
            assertThat(mine.get("purpose").asString()).isEqualTo("EXERCISE");
        }

        @Test
        void eachPersonListedIsInTheAccessLog() {
            long a = fx.admit("CECOT", cell, "UNTRIED");
            leave("oficial", List.of(a), yard, "EXERCISE");
            long before = fx.accessLogLines(a, false);
            api.get("/api/facilities/CECOT/out-of-cell?size=500", "oficial");
            assertThat(fx.accessLogLines(a, false)).isGreaterThan(before);
        }
    }
}
