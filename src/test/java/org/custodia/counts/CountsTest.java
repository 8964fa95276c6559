package org.custodia.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.MutableClock;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Counts: opened with the movement freeze, counted cell by cell, reconciled, explained and signed off by command. */
class CountsTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";

    @Autowired
    MutableClock clock;

    TestFacility f;
    long a;
    long b;
    long c;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        f = fx.newFacility(2, 4);
        a = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
        b = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
        c = fx.admitAs(RECORDS, f.code(), f.cells().get(1));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    Api.Response open(String user, String kind, String reason) {
        return api.post("/api/counts", user, reason == null ? Map.of("facilityCode", f.code(), "kind", kind)
                : Map.of("facilityCode", f.code(), "kind", kind, "reason", reason));
    }

    long openEmergency() {
        Api.Response r = open(OFFICER, "EMERGENCY", "Riña en el pabellón");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Api.Response count(long id, long place, int counted, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("counted", counted);
        return api.post("/api/counts/" + id + "/cells/" + place, OFFICER, body);
    }

    /** Counts every place of the test facility as expected. */
    void countAllClear(long id) {
        assertThat(count(id, f.reception(), 0, Map.of()).status()).isEqualTo(200);
        assertThat(count(id, f.cells().get(0), 2, Map.of()).status()).isEqualTo(200);
        assertThat(count(id, f.cells().get(1), 1, Map.of()).status()).isEqualTo(200);
    }

    @Nested
    class Opening {
        @Test
        void withoutCredentialsIsRefused() {
            assertThat(open(null, "EMERGENCY", "x").status()).isEqualTo(401);
        }

        @Test
        void recordsStaffDoNotCount() {
            assertThat(open(RECORDS, "EMERGENCY", "x").status()).isEqualTo(403);
        }

        @Test
        void anOfficerOfAnotherFacilitySeesNoSuchFacility() {
            assertThat(open("oficial", "EMERGENCY", "Riña").status()).isEqualTo(404);
        }

        @Test
        void anEmergencyCountSaysWhy() {
            long entries = fx.ledgerEntries();
            assertThat(open(OFFICER, "EMERGENCY", null).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aCountOpensWithEveryPlaceUncountedAndIsOnTheLedger() {
            long entries = fx.ledgerEntries("COUNT_OPENED");
            Api.Response r = open(OFFICER, "EMERGENCY", "Riña en el pabellón");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode s = r.json().get("summary");
            assertThat(s.get("cells").asInt()).isEqualTo(3);
            assertThat(s.get("uncounted").asInt()).isEqualTo(3);
            assertThat(s.get("expected").asInt()).isEqualTo(3);
            assertThat(r.json().get("openedBy").asString()).isEqualTo(OFFICER);
            assertThat(fx.ledgerEntries("COUNT_OPENED")).isEqualTo(entries + 1);
        }

        @Test
        void oneCountAtATime() {
            openEmergency();
            Api.Response again = open(OFFICER, "EMERGENCY", "Otra");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("count-in-progress");
        }

        @Test
        void aSetTimeIsCountedOnce() {
            Api.Response first = open(OFFICER, "SCHEDULED", null);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(first.json().get("scheduledFor").isNull()).isFalse();
            countAllClear(first.json().get("id").asLong());
            assertThat(api.post("/api/counts/" + first.json().get("id").asLong() + "/sign-off", "direccion", null)
                    .status()).isEqualTo(200);
            Api.Response second = open(OFFICER, "SCHEDULED", null);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().get("code").asString()).isEqualTo("already-done");
        }
    }

    @Nested
    class Freeze {
        @Test
        void nobodyMovesBetweenCellsWhileTheFacilityIsCounted() {
            fx.account("oficial-mov-nac", "OFFICER");
            openEmergency();
            long entries = fx.ledgerEntries();
            Api.Response r = api.post("/api/moves", "oficial-mov-nac", Map.of("personId", a, "toLocationId",
                    f.cells().get(1), "reason", "Redistribución"));
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("count-in-progress");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void nobodyIsAdmittedWhileTheFacilityIsCounted() {
            openEmergency();
            long people = fx.people();
            Api.Response r = api.post("/api/admissions", RECORDS, org.custodia.support.Fixtures.admission(f.code(),
                    f.reception(), "Óscar", "Muñoz", "Pérez"));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("count-in-progress");
            assertThat(fx.people()).isEqualTo(people);
        }

        @Test
        void nobodyLeavesTheirCellExceptInAnEmergency() {
            long yard = fx.newPlace(f.code(), "MEDICAL");
            openEmergency();
            Map<String, Object> m = new java.util.HashMap<>(Map.of("personIds", List.of(a), "destinationId", yard,
                    "purpose", "MEDICAL", "escort", "Agente López", "dueBackAt",
                    Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
            Api.Response r = api.post("/api/movements", OFFICER, m);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("count-in-progress");
            m.put("emergency", true);
            m.put("reason", "Convulsiones");
            assertThat(api.post("/api/movements", OFFICER, m).status()).isEqualTo(201);
        }

        @Test
        void aReleaseIsNotHeldBack() {
            openEmergency();
            assertThat(api.post("/api/people/" + c + "/release", RECORDS, Map.of("basis", "COURT_ORDER",
                    "reference", "Resolución 2")).status()).isEqualTo(200);
        }

        @Test
        void movementResumesOnceTheCountIsSignedOff() {
            fx.account("oficial-mov-nac", "OFFICER");
            long id = openEmergency();
            countAllClear(id);
            assertThat(api.post("/api/counts/" + id + "/sign-off", "direccion", null).status()).isEqualTo(200);
            assertThat(api.post("/api/moves", "oficial-mov-nac", Map.of("personId", a, "toLocationId",
                    f.cells().get(1), "reason", "Redistribución")).status()).isEqualTo(200);
        }
    }

    @Nested
    class CountingACell {
        @Test
        void theExpectedNumberComesOnlyWithTheAnswer() {
            long id = openEmergency();
            Api.Response r = count(id, f.cells().get(0), 2, Map.of());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("expected").asInt()).isEqualTo(2);
            assertThat(r.json().get("status").asString()).isEqualTo("CLEAR");
            assertThat(db.sql("select count(*) from ledger_entry where event_type = 'COUNT_CELL_SUBMITTED' and "
                    + "canonical like ?").param("%\"count\":" + id + ",%").query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void aMissingPersonIsADiscrepancyThatNamesThem() {
            long id = openEmergency();
            Api.Response r = count(id, f.cells().get(0), 1, Map.of("missing", List.of(b)));
            assertThat(r.json().get("status").asString()).isEqualTo("DISCREPANCY");
            assertThat(r.json().get("missing").get(0).get("personId").asLong()).isEqualTo(b);
            assertThat(r.json().get("missing").get(0).get("name").asString()).contains("Peña Ávalos");
        }

        @Test
        void onlySomeoneExpectedCanBeMissing() {
            long id = openEmergency();
            long entries = fx.ledgerEntries();
            Api.Response r = count(id, f.cells().get(0), 1, Map.of("missing", List.of(c)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("missing");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aFoundPersonIsKnownOrDescribedNotBoth() {
            long id = openEmergency();
            assertThat(count(id, f.cells().get(0), 3, Map.of("extra", List.of(Map.of("personId", c,
                    "description", "x")))).status()).isEqualTo(400);
            Api.Response r = count(id, f.cells().get(0), 3, Map.of("extra", List.of(Map.of("personId", c))));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("DISCREPANCY");
            assertThat(r.json().get("found").get(0).get("personId").asLong()).isEqualTo(c);
        }

        @Test
        void aPersonOutOnAMovementIsNotExpectedInTheCell() {
            long medical = fx.newPlace(f.code(), "MEDICAL");
            assertThat(api.post("/api/movements", OFFICER, Map.of("personIds", List.of(a), "destinationId", medical,
                    "purpose", "MEDICAL", "escort", "Agente López", "dueBackAt",
                    Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())).status())
                    .isEqualTo(201);
            long id = openEmergency();
            Api.Response r = count(id, f.cells().get(0), 1, Map.of());
            assertThat(r.json().get("expected").asInt()).isEqualTo(1);
            assertThat(r.json().get("status").asString()).isEqualTo("CLEAR");
        }

        @Test
        void aRecountReplacesTheCountAndKeepsTheEarlierOne() {
            long id = openEmergency();
            count(id, f.cells().get(0), 1, Map.of());
            Api.Response recount = count(id, f.cells().get(0), 2, Map.of());
            assertThat(recount.json().get("status").asString()).isEqualTo("CLEAR");
            assertThat(db.sql("select count(*) from count_submission where count_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(2);
        }

        @Test
        void aPlaceOfAnotherFacilityIsNotInTheCount() {
            long id = openEmergency();
            assertThat(count(id, fx.newCell("CECOT", 2), 0, Map.of()).status()).isEqualTo(404);
        }

        @Test
        void aNegativeCountIsRefused() {
            long id = openEmergency();
            assertThat(count(id, f.cells().get(0), -1, Map.of()).status()).isEqualTo(400);
        }
    }

    @Nested
    class CrossCount {
        @Test
        void twoOfficersMustAgree() {
            fx.account("oficial-cruce", "OFFICER");
            Api.Response s = api.put("/api/facilities/" + f.code() + "/count-schedule", "direccion", Map.of("times",
                    List.of("06:00", "18:00"), "crossCount", true, "graceMinutes", 30));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
            long id = openEmergency();
            assertThat(count(id, f.cells().get(0), 2, Map.of()).json().get("status").asString())
                    .isEqualTo("AWAITING_CROSS_COUNT");
            Api.Response differs = api.post("/api/counts/" + id + "/cells/" + f.cells().get(0), "oficial-cruce",
                    Map.of("counted", 3));
            assertThat(differs.json().get("status").asString()).isEqualTo("CROSS_COUNT_DIFFERS");
            Api.Response agrees = api.post("/api/counts/" + id + "/cells/" + f.cells().get(0), "oficial-cruce",
                    Map.of("counted", 2));
            assertThat(agrees.json().get("status").asString()).isEqualTo("CLEAR");
            assertThat(agrees.json().get("countedBy")).hasSize(2);
        }
    }

    @Nested
    class SigningOff {
        @Test
        void anOfficerDoesNotSignOff() {
            long id = openEmergency();
            countAllClear(id);
            assertThat(api.post("/api/counts/" + id + "/sign-off", OFFICER, null).status()).isEqualTo(403);
        }

        @Test
        void notWhileAPlaceIsUncounted() {
            long id = openEmergency();
            count(id, f.cells().get(0), 2, Map.of());
            long entries = fx.ledgerEntries();
            Api.Response r = api.post("/api/counts/" + id + "/sign-off", "direccion", null);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("count-not-settled");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void notWhileADiscrepancyIsUnexplained() {
            long id = openEmergency();
            countAllClear(id);
            count(id, f.cells().get(0), 1, Map.of("missing", List.of(b)));
            assertThat(api.post("/api/counts/" + id + "/sign-off", "direccion", null).status()).isEqualTo(409);
        }

        @Test
        void anExplainedDiscrepancyLetsTheCountBeSignedOff() {
            long id = openEmergency();
            countAllClear(id);
            count(id, f.cells().get(0), 1, Map.of("missing", List.of(b)));
            JsonNode reconciled = api.get("/api/counts/" + id, "direccion").json();
            assertThat(reconciled.get("summary").get("discrepancies").asInt()).isEqualTo(1);
            assertThat(reconciled.get("attention").get(0).get("expectedPeople")).hasSize(2);
            Api.Response e = api.post("/api/counts/" + id + "/cells/" + f.cells().get(0) + "/explanation", OFFICER,
                    Map.of("explanation", "Trasladado a enfermería por la noche sin registro; verificado allí"));
            assertThat(e.status()).as(e.body()).isEqualTo(200);
            assertThat(e.json().get("status").asString()).isEqualTo("EXPLAINED");
            Api.Response r = api.post("/api/counts/" + id + "/sign-off", "direccion", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("signedOffBy").asString()).isEqualTo("direccion");
            assertThat(api.post("/api/counts/" + id + "/sign-off", "direccion", null).json().get("code")
                    .asString()).isEqualTo("already-done");
        }

        @Test
        void aClearCellHasNothingToExplain() {
            long id = openEmergency();
            count(id, f.cells().get(0), 2, Map.of());
            assertThat(api.post("/api/counts/" + id + "/cells/" + f.cells().get(0) + "/explanation", OFFICER,
                    Map.of("explanation", "Nada")).status()).isEqualTo(409);
        }

        @Test
        void aRecountNeedsItsOwnExplanation() {
            long id = openEmergency();
            countAllClear(id);
            count(id, f.cells().get(0), 1, Map.of("missing", List.of(b)));
            api.post("/api/counts/" + id + "/cells/" + f.cells().get(0) + "/explanation", OFFICER,
                    Map.of("explanation", "En enfermería"));
            Api.Response recount = count(id, f.cells().get(0), 3, Map.of());
            assertThat(recount.json().get("status").asString()).isEqualTo("DISCREPANCY");
        }
    }

    @Nested
    class AtOnce {
        @Test
        void placesCountedByManyOfficersAtOnceAreAllRecordedAndTheLedgerStaysValid() throws Exception {
            TestFacility big = fx.newFacility(24, 4);
            long id = api.post("/api/counts", OFFICER, Map.of("facilityCode", big.code(), "kind", "EMERGENCY",
                    "reason", "Motín")).json().get("id").asLong();
            List<String> officers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                officers.add(fx.account("oficial-conteo-" + i, "OFFICER"));
            }
            List<Long> places = new java.util.ArrayList<>(big.cells());
            places.add(big.reception());
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (String officer : officers) {
                    pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < places.size()) {
                            statuses.add(api.post("/api/counts/" + id + "/cells/" + places.get(i), officer,
                                    Map.of("counted", 0)).status());
                        }
                    });
                }
            }
            assertThat(statuses).hasSize(places.size()).containsOnly(200);
            assertThat(db.sql("select count(distinct location_id) from count_submission where count_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(places.size());
            JsonNode summary = api.get("/api/counts/" + id, OFFICER).json().get("summary");
            assertThat(summary.get("clear").asInt()).isEqualTo(places.size());
            assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
        }
    }

    @Nested
    class TheDay {
        @Test
        void aSetTimeWithoutACountIsMissedAfterItsGrace() {
            assertThat(api.put("/api/facilities/" + f.code() + "/count-schedule", "direccion", Map.of("times",
                    List.of("06:00"), "crossCount", false, "graceMinutes", 30)).status()).isEqualTo(200);
            // 06:00 in El Salvador is 12:00 UTC
            clock.pin(Instant.parse("2026-11-20T12:20:00Z"));
            assertThat(api.get("/api/facilities/" + f.code() + "/counts?date=2026-11-20", OFFICER).json()
                    .get("slots").get(0).get("status").asString()).isEqualTo("DUE");
            clock.pin(Instant.parse("2026-11-20T12:31:00Z"));
            assertThat(api.get("/api/facilities/" + f.code() + "/counts?date=2026-11-20", OFFICER).json()
                    .get("slots").get(0).get("status").asString()).isEqualTo("MISSED");
        }

        @Test
        void aCountOpenedAfterItsGraceIsLate() {
            assertThat(api.put("/api/facilities/" + f.code() + "/count-schedule", "direccion", Map.of("times",
                    List.of("06:00"), "crossCount", false, "graceMinutes", 30)).status()).isEqualTo(200);
            clock.pin(Instant.parse("2026-11-20T12:45:00Z"));
            Api.Response r = open(OFFICER, "SCHEDULED", null);
            assertThat(r.json().get("late").asBoolean()).isTrue();
            assertThat(api.get("/api/facilities/" + f.code() + "/counts?date=2026-11-20", OFFICER).json()
                    .get("slots").get(0).get("status").asString()).isEqualTo("LATE");
        }

        @Test
        void onlyCommandSetsTheTimes() {
            assertThat(api.put("/api/facilities/" + f.code() + "/count-schedule", OFFICER, Map.of("times",
                    List.of("06:00"), "crossCount", false, "graceMinutes", 30)).status()).isEqualTo(403);
        }
    }
}
