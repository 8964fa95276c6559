package org.custodia.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.MutableClock;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Figures of the regime computed from movements and hearings: time outdoors (MANDELA-23), the unlock list. */
class RegimeFiguresTest extends ServiceTest {
    @Autowired
    MutableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    JsonNode cecot(JsonNode figures) {
        for (JsonNode f : figures) {
            if (f.get("facilityCode").asString().equals("CECOT")) {
                return f;
            }
        }
        throw new AssertionError("no CECOT");
    }

    /**
     * CECOT's exercise figures as they will be at an instant, the clock then set back: people of the demo still in
     * a yard count more time the later it is, so a test compares its figures at one instant.
     */
    JsonNode cecotAt(Instant at) {
        Instant now = clock.instant();
        clock.pin(at);
        JsonNode figures = cecot(api.get("/api/figures/exercise", "direccion").json());
        clock.pin(now);
        return figures;
    }

    @Nested
    class Exercise {
        @Test
        void anHourInTheYardCountsForTheDay() {
            // midday in El Salvador, so that the hour stays within one local day
            clock.pin(LocalDate.now(ZoneId.of("America/El_Salvador")).atTime(11, 0)
                    .atZone(ZoneId.of("America/El_Salvador")).toInstant());
            long person = fx.admit("CECOT", fx.newCell("CECOT", 4), "UNTRIED");
            long yard = fx.newPlace("CECOT", "EXERCISE_YARD");
            JsonNode before = cecotAt(clock.instant().plus(Duration.ofMinutes(61)));
            Api.Response out = api.post("/api/movements", "oficial", Map.of("personIds", List.of(person),
                    "destinationId", yard, "purpose", "EXERCISE", "escort", "Cabo Martínez", "dueBackAt",
                    clock.instant().plus(2, ChronoUnit.HOURS).toString()));
            assertThat(out.status()).as(out.body()).isEqualTo(201);
            clock.advance(Duration.ofMinutes(61));
            assertThat(api.post("/api/movements/" + out.json().get("id").asLong() + "/return", "oficial", null)
                    .status()).isEqualTo(200);
            JsonNode after = cecot(api.get("/api/figures/exercise", "direccion").json());
            assertThat(after.get("held").asLong()).isEqualTo(before.get("held").asLong());
            assertThat(after.get("anHourToday").asLong() - before.get("anHourToday").asLong()).isEqualTo(1);
            assertThat(before.get("noneToday").asLong() - after.get("noneToday").asLong()).isEqualTo(1);
            assertThat(before.get("noneInSevenDays").asLong() - after.get("noneInSevenDays").asLong()).isEqualTo(1);
        }

        @Test
        void lessThanAnHourIsNotAnHour() {
            // later than the other test's hour, which this one's figures would otherwise straddle
            clock.pin(LocalDate.now(ZoneId.of("America/El_Salvador")).atTime(14, 0)
                    .atZone(ZoneId.of("America/El_Salvador")).toInstant());
            long person = fx.admit("CECOT", fx.newCell("CECOT", 4), "UNTRIED");
            long yard = fx.newPlace("CECOT", "EXERCISE_YARD");
            JsonNode before = cecotAt(clock.instant().plus(Duration.ofMinutes(20)));
            long id = api.post("/api/movements", "oficial", Map.of("personIds", List.of(person), "destinationId",
                    yard, "purpose", "EXERCISE", "escort", "Cabo Martínez", "dueBackAt",
                    clock.instant().plus(2, ChronoUnit.HOURS).toString())).json().get("id").asLong();
            clock.advance(Duration.ofMinutes(20));
            api.post("/api/movements/" + id + "/return", "oficial", null);
            JsonNode after = cecot(api.get("/api/figures/exercise", "direccion").json());
            assertThat(after.get("anHourToday").asLong()).isEqualTo(before.get("anHourToday").asLong());
            assertThat(before.get("noneToday").asLong() - after.get("noneToday").asLong()).isEqualTo(1);
        }

        @Test
        void anOfficialSeesOnlyTheirFacilities() {
            assertThat(api.get("/api/figures/exercise", "oficial").json()).hasSize(1);
        }
    }

    @Nested
    class Unlock {
        @Test
        void aHearingPutsThePersonOnTheDaysUnlockListWithTheirCell() {
            long cell = fx.newCell("CECOT", 4);
            long person = fx.admit("CECOT", cell, "UNTRIED");
            Instant at = LocalDate.now(ZoneId.of("America/El_Salvador")).plusDays(2).atTime(9, 30)
                    .atZone(ZoneId.of("America/El_Salvador")).toInstant();
            Api.Response h = api.post("/api/people/" + person + "/hearings", "registro", Map.of("caseNumber",
                    "CAUSA-77", "court", "Juzgado Especializado A", "scheduledAt", at.toString(), "durationMinutes", 90,
                    "mode", "IN_PERSON"));
            assertThat(h.status()).as(h.body()).isEqualTo(201);
            String day = LocalDate.now(ZoneId.of("America/El_Salvador")).plusDays(2).toString();
            JsonNode list = api.get("/api/facilities/CECOT/unlock-list?size=500&date=" + day, "oficial").json();
            JsonNode mine = null;
            for (JsonNode e : list.get("items")) {
                if (e.get("personId").asLong() == person) {
                    mine = e;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("purpose").asString()).isEqualTo("COURT");
            assertThat(mine.get("minutes").asInt()).isEqualTo(90);
            assertThat(mine.get("cellCode").asString()).isEqualTo(db.sql("select code from location where id = ?")
                    .param(cell).query(String.class).single());
            assertThat(api.get("/api/facilities/CECOT/unlock-list?date=" + LocalDate.now().plusDays(30), "oficial")
                    .json().get("total").asLong()).isZero();
        }

        @Test
        void financeStaffDoNotReadTheUnlockList() {
            assertThat(api.get("/api/facilities/CECOT/unlock-list", "finanzas").status()).isEqualTo(403);
        }

        @Test
        void aBadDateIsRefused() {
            assertThat(api.get("/api/facilities/CECOT/unlock-list?date=2026-02-30", "oficial").status())
                    .isEqualTo(400);
        }
    }
}
