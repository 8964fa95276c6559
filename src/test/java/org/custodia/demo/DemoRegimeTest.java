package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's last 30 days of regime, read through the API as staff and inspectors would: counts four times a day,
 * shortfalls of food and water where the demo has them (and their reasons), exercise, work far below its
 * allocation, and a hunger strike on the health worklist.
 */
class DemoRegimeTest extends ServiceTest {
    static final ZoneId LOCAL = ZoneId.of("America/El_Salvador");

    /** The local day the demo was loaded on: the suite may have crossed midnight since. */
    LocalDate loadDay() {
        return db.sql("select min(recorded_at) from ledger_entry where event_type = 'PROVISIONS_TAKEN_ON'")
                .query(Timestamp.class).single().toInstant().atZone(LOCAL).toLocalDate();
    }

    @Test
    void everyDayOfTheMonthHadItsFourCountsSignedOff() {
        LocalDate day = loadDay().minusDays(10);
        JsonNode d = api.get("/api/facilities/CECOT/counts?date=" + day, "oficial").json();
        assertThat(d.get("slots")).hasSize(4);
        d.get("slots").forEach(s -> assertThat(s.get("status").asString()).isEqualTo("DONE"));
        long count = d.get("slots").get(0).get("countId").asLong();
        JsonNode c = api.get("/api/counts/" + count, "direccion").json();
        assertThat(c.get("summary").get("uncounted").asInt()).isZero();
        assertThat(c.get("signedOffAt").isNull()).isFalse();
    }

    @Test
    void pavilionEightWasShortOfWaterAndSevenOfBeansEveryThirdDinner() {
        LocalDate yesterday = loadDay().minusDays(1);
        JsonNode m8 = api.get("/api/facilities/CECOT/provisions?pavilion=M8&date=" + yesterday, "oficial").json();
        assertThat(m8.get("summary").get("occupied").asInt()).isPositive();
        assertThat(m8.get("summary").get("belowWater").asInt()).isEqualTo(m8.get("summary").get("occupied").asInt());
        JsonNode shortfalls = api.get("/api/figures/provision-shortfalls?facility=CECOT", "inspector").json();
        assertThat(shortfalls.get("total").asLong()).isPositive();
        assertThat(shortfalls.get("items").get(0).get("reason").asString()).isEqualTo("SUPPLY_SHORTAGE");
        JsonNode m1 = api.get("/api/facilities/CECOT/provisions?pavilion=M1&date=" + yesterday, "oficial").json();
        assertThat(m1.get("summary").get("occupied").asInt()).isPositive();
        assertThat(m1.get("summary").get("belowKcal").asInt()).isZero();
        assertThat(m1.get("summary").get("belowWater").asInt()).isZero();
    }

    @Test
    void attendanceIsFarBelowAllocation() {
        JsonNode w = api.get("/api/figures/work?facility=CECOT", "inspector").json();
        assertThat(w.get("allocated").asLong()).isPositive();
        assertThat(w.get("expected").asLong()).isPositive();
        assertThat(w.get("attended").asLong()).isLessThan(w.get("expected").asLong() * 7 / 10);
    }

    @Test
    void someHadExerciseOutdoorsThisWeekAndMostHadNone() {
        for (JsonNode f : api.get("/api/figures/exercise", "inspector").json()) {
            if (f.get("facilityCode").asString().equals("CECOT")) {
                assertThat(f.get("noneInSevenDays").asLong()).isLessThan(f.get("held").asLong());
                assertThat(f.get("noneInSevenDays").asLong()).isPositive();
                return;
            }
        }
        throw new AssertionError("no CECOT");
    }

    @Test
    void aHungerStrikeIsOnTheHealthWorklist() {
        fx.account("salud-nacional", "HEALTH");
        JsonNode list = api.get("/api/worklists/food-refusal?facility=CECOT", "salud-nacional").json();
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list.get("items").get(0).get("consecutiveMeals").asInt()).isGreaterThanOrEqualTo(9);
    }
}
