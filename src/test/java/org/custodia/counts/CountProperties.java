package org.custodia.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.custodia.support.Api;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Counts reconcile for any history of admissions, moves, movements out and back, and releases: a model kept by the
 * test alone (who is held, in which cell, who is out) says how many each cell holds; officers who count exactly
 * that find every cell clear, the count's totals and the roll agree with the model, and nobody is in two places.
 * Generated histories, one per seed (the seed is in the test's name, to replay a failure).
 */
class CountProperties extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final int CAPACITY = 5;

    @TestFactory
    Stream<DynamicTest> countsReconcileForAnyHistory() {
        return Stream.of(11L, 23L, 37L, 41L, 59L, 71L).map(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> history(new Random(seed))));
    }

    void history(Random random) {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        TestFacility f = fx.newFacility(4, CAPACITY);
        List<Long> places = List.of(fx.newPlace(f.code(), "EXERCISE_YARD"), fx.newPlace(f.code(), "MEDICAL"));
        Map<Long, Long> cellOf = new HashMap<>();
        Map<Long, Long> outOn = new HashMap<>();
        for (int step = 0; step < 40; step++) {
            int op = random.nextInt(10);
            List<Long> held = new ArrayList<>(cellOf.keySet());
            held.sort(null);
            if (op < 3 || held.isEmpty()) {
                long cell = random.nextInt(3) == 0 ? f.reception() : f.cells().get(random.nextInt(4));
                if (cell == f.reception() || occupants(cellOf, cell) < CAPACITY) {
                    cellOf.put(fx.admitAs(RECORDS, f.code(), cell), cell);
                }
            } else {
                long person = held.get(random.nextInt(held.size()));
                if (op < 5) {
                    long to = f.cells().get(random.nextInt(4));
                    if (to != cellOf.get(person) && occupants(cellOf, to) < CAPACITY) {
                        Api.Response r = api.post("/api/moves", OFFICER, Map.of("personId", person, "toLocationId", to,
                                "reason", "Redistribución"));
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        cellOf.put(person, to);
                    }
                } else if (op < 7 && !outOn.containsKey(person)) {
                    Api.Response r = api.post("/api/movements", OFFICER, Map.of("personIds", List.of(person),
                            "destinationId", places.get(random.nextInt(2)), "purpose", "OTHER", "escort", "Agente",
                            "dueBackAt", Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                                    .toString()));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    outOn.put(person, r.json().get("id").asLong());
                } else if (op < 9 && outOn.containsKey(person)) {
                    assertThat(api.post("/api/movements/" + outOn.remove(person) + "/return", OFFICER, null).status())
                            .isEqualTo(200);
                } else if (op == 9) {
                    assertThat(api.post("/api/people/" + person + "/release", RECORDS, Map.of("basis", "COURT_ORDER",
                            "reference", "Resolución " + step)).status()).isEqualTo(200);
                    cellOf.remove(person);
                    outOn.remove(person);
                }
            }
        }

        Api.Response opened = api.post("/api/counts", OFFICER, Map.of("facilityCode", f.code(), "kind", "EMERGENCY",
                "reason", "Conteo de comprobación"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        List<Long> all = new ArrayList<>(f.cells());
        all.add(f.reception());
        int expectedTotal = 0;
        for (long place : all) {
            int expected = (int) cellOf.entrySet().stream()
                    .filter(e -> e.getValue() == place && !outOn.containsKey(e.getKey())).count();
            expectedTotal += expected;
            Api.Response r = api.post("/api/counts/" + id + "/cells/" + place, OFFICER, Map.of("counted", expected));
            assertThat(r.json().get("expected").asInt()).as("expected in place " + place).isEqualTo(expected);
            assertThat(r.json().get("status").asString()).isEqualTo("CLEAR");
        }
        JsonNode count = api.get("/api/counts/" + id, OFFICER).json();
        assertThat(count.get("summary").get("clear").asInt()).isEqualTo(all.size());
        assertThat(count.get("summary").get("expected").asInt()).isEqualTo(expectedTotal);
        assertThat(count.get("summary").get("counted").asInt()).isEqualTo(expectedTotal);
        assertThat(api.post("/api/counts/" + id + "/sign-off", "direccion", null).status()).isEqualTo(200);

        JsonNode roll = api.get("/api/facilities/" + f.code() + "/roll", OFFICER).json().get("total");
        assertThat(roll.get("population").asInt()).isEqualTo(cellOf.size());
        assertThat(roll.get("outOfCell").asInt()).isEqualTo(outOn.size());
        int inReception = (int) cellOf.entrySet().stream()
                .filter(e -> e.getValue() == f.reception() && !outOn.containsKey(e.getKey())).count();
        assertThat(roll.get("inCell").asInt() + roll.get("outOfCell").asInt() + roll.get("inReception").asInt())
                .as("everyone is in one place: in a cell, out of it, or in reception")
                .isEqualTo(cellOf.size());
        assertThat(roll.get("inCell").asInt()).isEqualTo(expectedTotal - inReception);
        Set<Long> out = new HashSet<>(db.sql("select person_id from movement_person where returned_at is null "
                + "and person_id = any(?)").param(cellOf.keySet().toArray(Long[]::new)).query(Long.class).list());
        assertThat(out).isEqualTo(outOn.keySet());
    }

    private static int occupants(Map<Long, Long> cellOf, long cell) {
        return (int) cellOf.values().stream().filter(c -> c == cell).count();
    }
}
