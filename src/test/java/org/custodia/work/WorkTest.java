package org.custodia.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

/** The work programme: workshops within the hours of MANDELA-102, allocations, attendance, pay and the figures. */
class WorkTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final ZoneId LOCAL = ZoneId.of("America/El_Salvador");

    /** The day under test, fixed for the whole test class so that no test straddles midnight. */
    static final LocalDate TODAY = LocalDate.now(LOCAL);

    @Autowired
    MutableClock clock;

    TestFacility f;
    long place;

    /**
     * Each test runs on the service's clock at 07:00 local, before the day's 08:00-12:00 sessions: attendance counts
     * only people held during a session, so people admitted by a test run after noon would not be in it.
     */
    @BeforeEach
    void setUp() {
        clock.pin(at(LocalTime.of(7, 0)));
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        f = fx.newFacility(2, 10);
        place = fx.newPlace(f.code(), "WORKSHOP");
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    static Instant at(LocalTime time) {
        return TODAY.atTime(time).atZone(LOCAL).toInstant();
    }

    static LocalDate today() {
        return TODAY;
    }

    /** Every weekday but tomorrow's: today is a working day and there is a rest day. */
    static List<Integer> weekdays() {
        List<Integer> days = new ArrayList<>();
        int rest = today().plusDays(1).getDayOfWeek().getValue();
        for (int d = 1; d <= 7; d++) {
            if (d != rest) {
                days.add(d);
            }
        }
        return days;
    }

    Map<String, Object> workshop(int capacity, String starts, String ends, List<Integer> weekdays) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("facilityCode", f.code());
        w.put("locationId", place);
        w.put("name", "Taller de costura");
        w.put("capacity", capacity);
        w.put("starts", starts);
        w.put("ends", ends);
        w.put("weekdays", weekdays);
        w.put("risk", "LOW");
        w.put("paid", true);
        w.put("ratePerHour", 0.50);
        return w;
    }

    long newWorkshop(int capacity, String starts, String ends) {
        Api.Response r = api.post("/api/workshops", "direccion", workshop(capacity, starts, ends, weekdays()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long person() {
        return fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    Api.Response allocate(long workshop, List<Long> people) {
        return api.post("/api/workshops/" + workshop + "/allocations", OFFICER, Map.of("personIds", people));
    }

    @Nested
    class SettingUp {
        @Test
        void officersDoNotSetUpWorkshops() {
            assertThat(api.post("/api/workshops", OFFICER, workshop(10, "08:00", "12:00", weekdays())).status())
                    .isEqualTo(403);
        }

        @Test
        void aWeekWithoutARestDayIsRefused() {
            Api.Response r = api.post("/api/workshops", "direccion", workshop(10, "08:00", "12:00",
                    List.of(1, 2, 3, 4, 5, 6, 7)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("MANDELA-102");
        }

        @Test
        void aSessionLongerThanTheWorkingDayIsRefused() {
            assertThat(api.post("/api/workshops", "direccion", workshop(10, "07:00", "17:00", weekdays())).status())
                    .isEqualTo(400);
        }

        @Test
        void paidWorkHasARate() {
            Map<String, Object> w = workshop(10, "08:00", "12:00", weekdays());
            w.remove("ratePerHour");
            assertThat(api.post("/api/workshops", "direccion", w).status()).isEqualTo(400);
        }

        @Test
        void aWorkshopIsSetUpAndOnTheLedger() {
            long entries = fx.ledgerEntries("WORKSHOP_SET_UP");
            newWorkshop(10, "08:00", "12:00");
            assertThat(fx.ledgerEntries("WORKSHOP_SET_UP")).isEqualTo(entries + 1);
            assertThat(api.get("/api/facilities/" + f.code() + "/workshops", OFFICER).json()).hasSize(1);
        }

        @Test
        void sessionsFallOnTheWorkshopsWeekdaysOnce() {
            long w = newWorkshop(10, "08:00", "12:00");
            Map<String, Object> span = Map.of("from", today().toString(), "to", today().plusDays(6).toString());
            JsonNode sessions = api.post("/api/workshops/" + w + "/sessions", "direccion", span).json();
            assertThat(sessions).hasSize(6);
            assertThat(api.post("/api/workshops/" + w + "/sessions", "direccion", span).json()).hasSize(6);
        }
    }

    @Nested
    class Allocating {
        @Test
        void upToCapacityThenTheWaitingList() {
            long w = newWorkshop(2, "08:00", "12:00");
            Api.Response r = allocate(w, List.of(person(), person(), person()));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("allocated").asInt()).isEqualTo(2);
            assertThat(r.json().get("waiting").asInt()).isEqualTo(1);
        }

        @Test
        void aFreedPlaceGoesToTheFirstWaiting() {
            long w = newWorkshop(1, "08:00", "12:00");
            long first = person();
            long second = person();
            allocate(w, List.of(first, second));
            long allocation = api.get("/api/workshops/" + w + "/allocations?status=ACTIVE", OFFICER).json()
                    .get("items").get(0).get("id").asLong();
            Api.Response ended = api.post("/api/work-allocations/" + allocation + "/end", OFFICER,
                    Map.of("reason", "WITHDRAWN"));
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            JsonNode active = api.get("/api/workshops/" + w + "/allocations?status=ACTIVE", OFFICER).json();
            assertThat(active.get("items").get(0).get("personId").asLong()).isEqualTo(second);
        }

        @Test
        void aReleaseFreesThePlace() {
            long w = newWorkshop(1, "08:00", "12:00");
            long first = person();
            long second = person();
            assertThat(allocate(w, List.of(first)).json().get("allocated").asInt()).isEqualTo(1);
            assertThat(api.post("/api/people/" + first + "/release", RECORDS, Map.of("basis", "COURT_ORDER",
                    "reference", "Resolución 9")).status()).isEqualTo(200);
            assertThat(api.get("/api/workshops/" + w, OFFICER).json().get("allocated").asInt()).isZero();
            assertThat(allocate(w, List.of(second)).json().get("allocated").asInt()).isEqualTo(1);
        }

        @Test
        void rivalsAreNotAllocatedToOneWorkshop() {
            long w = newWorkshop(10, "08:00", "12:00");
            long ms = person();
            long b18 = person();
            claim(ms, "MS-13");
            claim(b18, "B18-SUR");
            assertThat(allocate(w, List.of(ms)).status()).isEqualTo(200);
            Api.Response r = allocate(w, List.of(b18));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("housing-rule");
        }

        @Test
        void moreThanTheHoursOfADayIsRefused() {
            long morning = newWorkshop(10, "07:00", "12:00");
            long afternoon = newWorkshop(10, "13:00", "17:00");
            long p = person();
            assertThat(allocate(morning, List.of(p)).status()).isEqualTo(200);
            Api.Response r = allocate(afternoon, List.of(p));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("work-hours");
        }

        @Test
        void someoneHeldElsewhereIsNotAllocated() {
            long w = newWorkshop(10, "08:00", "12:00");
            long cecot = fx.admit("CECOT", fx.newCell("CECOT", 4), "UNTRIED");
            assertThat(allocate(w, List.of(cecot)).status()).isEqualTo(409);
        }

        @Test
        void theAllocationsListIsBoundedAndFiltered() {
            long w = newWorkshop(10, "08:00", "12:00");
            assertThat(api.get("/api/workshops/" + w + "/allocations?size=501", OFFICER).status()).isEqualTo(400);
            assertThat(api.get("/api/workshops/" + w + "/allocations?status=OTHER", OFFICER).status())
                    .isEqualTo(400);
        }

        void claim(long person, String group) {
            assertThat(api.post("/api/people/" + person + "/affiliations", OFFICER, Map.of("group", group, "source",
                    "OBSERVED_MARKS", "evidenceRef", "Tatuajes", "confidence", "HIGH", "claimedOn",
                    today().toString())).status()).isEqualTo(201);
        }
    }

    @Nested
    class Attendance {
        long w;
        long a;
        long b;
        long c;

        @BeforeEach
        void today() {
            w = newWorkshop(10, "08:00", "12:00");
            a = person();
            b = person();
            c = person();
            assertThat(allocate(w, List.of(a, b, c)).status()).isEqualTo(200);
            assertThat(api.post("/api/workshops/" + w + "/sessions", "direccion", Map.of("from",
                    WorkTest.today().toString(), "to", WorkTest.today().toString())).status()).isEqualTo(200);
        }

        /** Recorded after the sessions, as on the floor. */
        Api.Response record(List<Map<String, Object>> exceptions) {
            clock.pin(at(LocalTime.of(12, 30)));
            return api.post("/api/facilities/" + f.code() + "/attendance", OFFICER, Map.of("day",
                    WorkTest.today().toString(), "defaultOutcome", "ATTENDED", "exceptions", exceptions));
        }

        @Test
        void everyoneAllocatedGetsTheDefaultButTheExceptions() {
            long entries = fx.ledgerEntries("WORK_ATTENDANCE_RECORDED");
            Api.Response r = record(List.of(Map.of("personId", b, "outcome", "REFUSED"),
                    Map.of("personId", c, "outcome", "SICK")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode recorded = r.json();
            assertThat(recorded.get("rows").asInt()).isEqualTo(3);
            assertThat(recorded.get("outcomes").get("ATTENDED").asInt()).isEqualTo(1);
            assertThat(recorded.get("hours").decimalValue()).isEqualByComparingTo("4");
            assertThat(recorded.get("pay").decimalValue()).isEqualByComparingTo("2.00");
            assertThat(fx.ledgerEntries("WORK_ATTENDANCE_RECORDED")).isEqualTo(entries + 1);
        }

        @Test
        void aDayIsRecordedOnce() {
            assertThat(record(List.of()).status()).isEqualTo(200);
            Api.Response again = record(List.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("already-done");
        }

        @Test
        void anExceptionNamesSomeoneAllocated() {
            long stranger = person();
            long entries = fx.ledgerEntries();
            assertThat(record(List.of(Map.of("personId", stranger, "outcome", "SICK"))).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void theFiguresSetAttendanceAgainstAllocation() {
            record(List.of(Map.of("personId", b, "outcome", "REFUSED")));
            JsonNode figures = api.get("/api/figures/work?facility=" + f.code(), OFFICER).json();
            assertThat(figures.get("allocated").asLong()).isEqualTo(3);
            assertThat(figures.get("expected").asLong()).isEqualTo(3);
            assertThat(figures.get("attended").asLong()).isEqualTo(2);
            assertThat(figures.get("refused").asLong()).isEqualTo(1);
            assertThat(figures.get("days")).hasSize(1);
        }

        @Test
        void theSessionPutsThoseAllocatedOnTheUnlockList() {
            JsonNode list = api.get("/api/facilities/" + f.code() + "/unlock-list?date=" + WorkTest.today(), OFFICER)
                    .json();
            assertThat(list.get("total").asLong()).isEqualTo(3);
            assertThat(list.get("items").get(0).get("purpose").asString()).isEqualTo("WORK");
            assertThat(list.get("items").get(0).get("minutes").asInt()).isEqualTo(240);
            assertThat(list.get("items").get(0).get("destinationCode").asString()).startsWith("WOR-");
        }

        @Test
        void aCancelledSessionExpectsNobody() {
            long session = api.post("/api/workshops/" + w + "/sessions", "direccion", Map.of("from",
                    WorkTest.today().toString(), "to", WorkTest.today().toString())).json().get(0).get("id").asLong();
            assertThat(api.post("/api/work-sessions/" + session + "/cancel", OFFICER, Map.of("reason",
                    "Corte de energía")).status()).isEqualTo(200);
            assertThat(api.post("/api/work-sessions/" + session + "/cancel", OFFICER, Map.of("reason", "Otra"))
                    .status()).isEqualTo(409);
            JsonNode figures = api.get("/api/figures/work?facility=" + f.code(), OFFICER).json();
            assertThat(figures.get("expected").asLong()).isZero();
            assertThat(figures.get("cancelled").asLong()).isEqualTo(1);
        }
    }
}
