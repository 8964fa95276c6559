package org.custodia.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Food and water per cell per day: recorded as issued, figures per person from the records, refusals, diets. */
class ProvisionsTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final ZoneId LOCAL = ZoneId.of("America/El_Salvador");

    @Autowired
    MutableClock clock;

    TestFacility f;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        f = fx.newFacility(2, 4);
        fx.admitAs(RECORDS, f.code(), f.cells().get(0));
        fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    static String today() {
        return LocalDate.now(LOCAL).toString();
    }

    /** The demo menu's default portions of a meal for the people in a cell. */
    static List<Map<String, Object>> defaults(String meal, int people) {
        List<Map<String, Object>> items = new ArrayList<>();
        switch (meal) {
            case "BREAKFAST" -> {
                items.add(Map.of("item", "FRIJOLES", "portions", people));
                items.add(Map.of("item", "HUEVO", "portions", people));
                items.add(Map.of("item", "TORTILLA", "portions", 3 * people));
                items.add(Map.of("item", "PLATANO", "portions", people));
            }
            case "LUNCH" -> {
                items.add(Map.of("item", "ARROZ", "portions", people));
                items.add(Map.of("item", "FRIJOLES", "portions", people));
                items.add(Map.of("item", "PASTA", "portions", people));
                items.add(Map.of("item", "TORTILLA", "portions", 3 * people));
            }
            default -> {
                items.add(Map.of("item", "ARROZ", "portions", people));
                items.add(Map.of("item", "FRIJOLES", "portions", people));
                items.add(Map.of("item", "TORTILLA", "portions", 3 * people));
            }
        }
        return items;
    }

    Map<String, Object> meal(String kind, long cell, List<Map<String, Object>> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facilityCode", f.code());
        m.put("day", today());
        m.put("kind", kind);
        m.put("cells", List.of(Map.of("locationId", cell, "items", items)));
        return m;
    }

    Api.Response water(long cell, double litres) {
        return api.post("/api/provisions", OFFICER, Map.of("facilityCode", f.code(), "day", today(), "kind", "WATER",
                "cells", List.of(Map.of("locationId", cell, "litres", litres))));
    }

    JsonNode cellOfDay(long cell) {
        for (JsonNode c : api.get("/api/facilities/" + f.code() + "/provisions?date=" + today(), OFFICER).json()
                .get("cells").get("items")) {
            if (c.get("locationId").asLong() == cell) {
                return c;
            }
        }
        throw new AssertionError("no cell " + cell);
    }

    @Nested
    class Recording {
        @Test
        void withoutCredentialsIsRefused() {
            assertThat(api.post("/api/provisions", null, meal("LUNCH", f.cells().get(0), defaults("LUNCH", 2)))
                    .status()).isEqualTo(401);
        }

        @Test
        void recordsStaffDoNotIssueMeals() {
            assertThat(api.post("/api/provisions", RECORDS, meal("LUNCH", f.cells().get(0), defaults("LUNCH", 2)))
                    .status()).isEqualTo(403);
        }

        @Test
        void anOfficerOfAnotherFacilitySeesNoSuchFacility() {
            assertThat(api.post("/api/provisions", "oficial", meal("LUNCH", f.cells().get(0), defaults("LUNCH", 2)))
                    .status()).isEqualTo(404);
        }

        @Test
        void onlyItemsOfTheMenu() {
            long entries = fx.ledgerEntries();
            Api.Response r = api.post("/api/provisions", OFFICER, meal("LUNCH", f.cells().get(0),
                    List.of(Map.of("item", "LANGOSTA", "portions", 2))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void notBackFilled() {
            Map<String, Object> m = meal("LUNCH", f.cells().get(0), defaults("LUNCH", 2));
            m.put("day", LocalDate.now(LOCAL).minusDays(3).toString());
            assertThat(api.post("/api/provisions", OFFICER, m).status()).isEqualTo(400);
        }

        @Test
        void aMealIsIssuedOnceACellAndIsOnTheLedger() {
            long entries = fx.ledgerEntries("MEAL_ISSUED");
            Api.Response r = api.post("/api/provisions", OFFICER, meal("LUNCH", f.cells().get(0),
                    defaults("LUNCH", 2)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode cell = r.json().get("cells").get(0);
            assertThat(cell.get("people").asInt()).isEqualTo(2);
            assertThat(cell.get("kcalPerPerson").asDouble()).isEqualTo(900.0);
            assertThat(cell.get("belowMinimum").asBoolean()).isFalse();
            assertThat(fx.ledgerEntries("MEAL_ISSUED")).isEqualTo(entries + 1);
            Api.Response again = api.post("/api/provisions", OFFICER, meal("LUNCH", f.cells().get(0),
                    defaults("LUNCH", 2)));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("already-done");
        }

        @Test
        void aMealBelowTheLeastAMealGivesNeedsAReason() {
            List<Map<String, Object>> little = List.of(Map.of("item", "TORTILLA", "portions", 2));
            Api.Response r = api.post("/api/provisions", OFFICER, meal("LUNCH", f.cells().get(0), little));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("shortfallReason");
            Map<String, Object> m = meal("LUNCH", f.cells().get(0), little);
            m.put("shortfallReason", "SUPPLY_SHORTAGE");
            m.put("shortfallNote", "No llegó el camión de víveres");
            Api.Response ok = api.post("/api/provisions", OFFICER, m);
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            assertThat(ok.json().get("cells").get(0).get("belowMinimum").asBoolean()).isTrue();
            JsonNode seen = api.get("/api/figures/provision-shortfalls?facility=" + f.code(), "inspector").json();
            assertThat(seen.get("total").asLong()).as("the inspector sees it with its reason").isEqualTo(1);
            assertThat(seen.get("items").get(0).get("reason").asString()).isEqualTo("SUPPLY_SHORTAGE");
            assertThat(seen.get("items").get(0).get("note").asString()).isEqualTo("No llegó el camión de víveres");
            assertThat(api.get("/api/figures/provision-shortfalls", OFFICER).status()).isEqualTo(403);
        }

        @Test
        void disciplineIsNoReasonForLess() {
            Map<String, Object> m = meal("LUNCH", f.cells().get(0), List.of(Map.of("item", "TORTILLA", "portions", 2)));
            m.put("shortfallReason", "DISCIPLINE");
            assertThat(api.post("/api/provisions", OFFICER, m).status()).isEqualTo(400);
        }

        @Test
        void aDinnerThatLeavesTheDayShortNeedsAReason() {
            long cell = f.cells().get(0);
            assertThat(api.post("/api/provisions", OFFICER, meal("LUNCH", cell, defaults("LUNCH", 2))).status())
                    .isEqualTo(201);
            Api.Response dinner = api.post("/api/provisions", OFFICER, meal("DINNER", cell, defaults("DINNER", 2)));
            assertThat(dinner.status()).as("no breakfast: 900 + 680 kcal").isEqualTo(400);
        }

        @Test
        void waterIsRecordedInLitresWithoutFood() {
            Map<String, Object> m = Map.of("facilityCode", f.code(), "day", today(), "kind", "WATER", "cells",
                    List.of(Map.of("locationId", f.cells().get(0), "items", defaults("LUNCH", 2))));
            assertThat(api.post("/api/provisions", OFFICER, m).status()).isEqualTo(400);
            Api.Response r = water(f.cells().get(0), 7);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("cells").get(0).get("litresPerPerson").asDouble()).isEqualTo(3.5);
        }
    }

    @Nested
    class TheDayPerCell {
        @Test
        void aFullDayMeetsTheStandards() {
            long cell = f.cells().get(0);
            for (String kind : List.of("BREAKFAST", "LUNCH", "DINNER")) {
                Api.Response r = api.post("/api/provisions", OFFICER, meal(kind, cell, defaults(kind, 2)));
                assertThat(r.status()).as(kind + ": " + r.body()).isEqualTo(201);
            }
            water(cell, 6.5);
            JsonNode c = cellOfDay(cell);
            assertThat(c.get("kcalPerPerson").asDouble()).isEqualTo(2198.0);
            assertThat(c.get("kcalMet").asBoolean()).isTrue();
            assertThat(c.get("proteinMet").asBoolean()).isTrue();
            assertThat(c.get("waterMet").asBoolean()).isTrue();
            assertThat(c.get("litresPerPerson").asDouble()).isEqualTo(3.3);
        }

        @Test
        void aCellWithOnlyLunchAndLittleWaterIsBelowStandard() {
            long cell = f.cells().get(0);
            api.post("/api/provisions", OFFICER, meal("LUNCH", cell, defaults("LUNCH", 2)));
            water(cell, 2);
            JsonNode c = cellOfDay(cell);
            assertThat(c.get("kcalMet").asBoolean()).isFalse();
            assertThat(c.get("waterMet").asBoolean()).isFalse();
            JsonNode summary = api.get("/api/facilities/" + f.code() + "/provisions?belowOnly=true", OFFICER).json()
                    .get("summary");
            assertThat(summary.get("occupied").asInt()).isEqualTo(1);
            assertThat(summary.get("belowKcal").asInt()).isEqualTo(1);
            assertThat(summary.get("peopleInCellsBelowStandard").asLong()).isEqualTo(2);
        }

        @Test
        void theListIsBounded() {
            assertThat(api.get("/api/facilities/" + f.code() + "/provisions?size=501", OFFICER).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    class Refusals {
        long person;

        @BeforeEach
        void person() {
            person = fx.admitAs(RECORDS, f.code(), f.cells().get(1));
        }

        Api.Response refuse(String day, String meal) {
            return api.post("/api/people/" + person + "/meal-refusals", OFFICER, Map.of("day", day, "meal", meal));
        }

        @Test
        void aRefusalIsRecordedOnce() {
            assertThat(refuse(today(), "LUNCH").status()).isEqualTo(201);
            assertThat(refuse(today(), "LUNCH").status()).isEqualTo(409);
        }

        @Test
        void nineMealsInARowPutThePersonOnTheHealthWorklist() {
            LocalDate start = LocalDate.now(LOCAL).minusDays(2);
            for (int d = 0; d < 3; d++) {
                clock.pin(start.plusDays(d).atTime(20, 0).atZone(LOCAL).toInstant());
                for (String meal : List.of("BREAKFAST", "LUNCH", "DINNER")) {
                    Api.Response r = refuse(start.plusDays(d).toString(), meal);
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    boolean last = d == 2 && meal.equals("DINNER");
                    assertThat(onWorklist()).as("after " + (3 * d + 1) + " refusals").isEqualTo(last);
                }
            }
            assertThat(refuse(start.plusDays(2).toString(), "BREAKFAST").status()).isEqualTo(409);
        }

        @Test
        void aMealEatenBreaksTheRun() {
            LocalDate start = LocalDate.now(LOCAL).minusDays(2);
            for (int d = 0; d < 3; d++) {
                clock.pin(start.plusDays(d).atTime(20, 0).atZone(LOCAL).toInstant());
                for (String meal : List.of("BREAKFAST", "LUNCH", "DINNER")) {
                    if (!(d == 1 && meal.equals("LUNCH"))) {
                        refuse(start.plusDays(d).toString(), meal);
                    }
                }
            }
            assertThat(onWorklist()).isFalse();
        }

        @Test
        void officersDoNotReadTheHealthWorklist() {
            assertThat(api.get("/api/worklists/food-refusal", OFFICER).status()).isEqualTo(403);
        }

        boolean onWorklist() {
            for (JsonNode r : api.get("/api/worklists/food-refusal?size=500", "salud-nacional").json().get("items")) {
                if (r.get("personId").asLong() == person) {
                    return true;
                }
            }
            return false;
        }

        @BeforeEach
        void health() {
            fx.account("salud-nacional", "HEALTH");
        }
    }

    @Nested
    class Diets {
        long person;

        @BeforeEach
        void person() {
            fx.account("salud-nacional", "HEALTH");
            person = fx.admitAs(RECORDS, f.code(), f.cells().get(1));
        }

        @Test
        void aMedicalDietIsHealthsToPrescribeAndToRead() {
            Map<String, Object> d = Map.of("kind", "MEDICAL", "description", "Dieta para diabético, sin azúcar",
                    "since", today());
            assertThat(api.post("/api/people/" + person + "/diets", RECORDS, d).status()).isEqualTo(403);
            Api.Response r = api.post("/api/people/" + person + "/diets", "salud-nacional", d);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode seen = api.get("/api/people/" + person + "/diets", OFFICER).json().get(0);
            assertThat(seen.get("kind").asString()).isEqualTo("MEDICAL");
            assertThat(seen.get("description").isNull()).isTrue();
            assertThat(db.sql("select canonical from ledger_entry where person_id = ? and event_type = 'DIET_RECORDED'")
                    .param(person).query(String.class).single()).doesNotContain("diabético");
        }

        @Test
        void aReligiousDietIsRecordedByRecords() {
            Api.Response r = api.post("/api/people/" + person + "/diets", RECORDS, Map.of("kind", "RELIGIOUS",
                    "description", "Sin cerdo", "since", today()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(api.get("/api/people/" + person + "/diets", OFFICER).json().get(0).get("description")
                    .asString()).isEqualTo("Sin cerdo");
        }
    }

    @Nested
    class WaterSupplyInterruptions {
        @Test
        void anInterruptionBeginsAndEndsOnce() {
            Api.Response r = api.post("/api/water-interruptions", OFFICER, Map.of("facilityCode", f.code(),
                    "startedAt", Instant.now().minus(Duration.ofHours(3)).toString(), "reason",
                    "Bomba averiada en la cisterna"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long id = r.json().get("id").asLong();
            assertThat(api.get("/api/facilities/" + f.code() + "/water-interruptions", OFFICER).json()).hasSize(1);
            assertThat(api.post("/api/water-interruptions/" + id + "/end", OFFICER, null).status()).isEqualTo(200);
            assertThat(api.post("/api/water-interruptions/" + id + "/end", OFFICER, null).status()).isEqualTo(409);
        }
    }

    @Nested
    class Menu {
        @Test
        void commandSetsAnItemAndOfficersCannot() {
            Map<String, Object> item = Map.of("code", "ATOL", "name", "Atol de elote", "kcal", 150, "proteinG", 4,
                    "portion", "1 vaso", "perPerson", 1, "meals", List.of("BREAKFAST"));
            assertThat(api.post("/api/menu-items", OFFICER, item).status()).isEqualTo(403);
            Api.Response r = api.post("/api/menu-items", "direccion", item);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(api.get("/api/menu-items", OFFICER).body()).contains("Atol de elote");
        }
    }
}
