package org.custodia.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

/**
 * Discipline within the Mandela limits: charges in time, sanctions MANDELA-43 and 97 forbid refused with the rule,
 * and the solitary confinement register that refuses day 16, alerts at day 13 and stops at a health finding.
 */
class DisciplineTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final String HEALTH = "salud-nacional";

    @Autowired
    MutableClock clock;

    TestFacility f;
    long person;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        fx.account(HEALTH, "HEALTH");
        f = fx.newFacility(2, 10);
        person = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    Api.Response lay(Instant incidentAt) {
        return api.post("/api/discipline/charges", OFFICER, Map.of("personId", person, "incidentAt",
                incidentAt.toString(), "offence", "Agresión a otro privado de libertad", "particulars",
                "Golpeó a su compañero de celda durante el reparto del almuerzo"));
    }

    long charge() {
        Api.Response r = lay(Instant.now().minus(Duration.ofHours(2)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Api.Response decide(long charge, List<Map<String, Object>> sanctions) {
        Map<String, Object> d = new HashMap<>();
        d.put("outcome", "PROVED");
        d.put("personsAccount", "Dice que fue provocado");
        d.put("findings", "Dos testigos lo confirman");
        d.put("sanctions", sanctions);
        return api.post("/api/discipline/charges/" + charge + "/decision", "direccion", d);
    }

    Api.Response place(int days) {
        return api.post("/api/people/" + person + "/solitary", "direccion", Map.of("basis", "GOOD_ORDER",
                "authority", "Director del centro", "reason", "Amenazas graves al pabellón", "days", days));
    }

    JsonNode placement(long id) {
        return api.get("/api/solitary/" + id, OFFICER).json();
    }

    @Nested
    class Charges {
        @Test
        void aChargeIsLaidWithinFortyEightHoursOfTheIncident() {
            Api.Response r = lay(Instant.now().minus(Duration.ofHours(49)));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("charge-out-of-time");
        }

        @Test
        void financeStaffDoNotLayCharges() {
            assertThat(api.post("/api/discipline/charges", "finanzas", Map.of()).status()).isEqualTo(403);
        }

        @Test
        void officersDoNotDecide() {
            long c = charge();
            assertThat(api.post("/api/discipline/charges/" + c + "/decision", OFFICER, Map.of("outcome", "DISMISSED",
                    "personsAccount", "Niega los hechos")).status()).isEqualTo(403);
        }

        @Test
        void reducingFoodIsRefusedWithItsRuleAndNothingChanges() {
            long c = charge();
            long before = fx.ledgerEntries();
            Api.Response r = decide(c, List.of(Map.of("kind", "REDUCED_FOOD", "days", 3)));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("prohibited-sanction");
            assertThat(r.body()).contains("MANDELA-43");
            assertThat(fx.ledgerEntries()).isEqualTo(before);
            assertThat(api.get("/api/discipline/charges/" + c, OFFICER).json().get("state").asString())
                    .isEqualTo("AWAITING_HEARING");
        }

        @Test
        void banningFamilyContactIsRefused() {
            assertThat(decide(charge(), List.of(Map.of("kind", "NO_FAMILY_CONTACT", "days", 30))).body())
                    .contains("MANDELA-43");
        }

        @Test
        void workIsNeverASanction() {
            assertThat(decide(charge(), List.of(Map.of("kind", "EXTRA_WORK", "days", 5))).body())
                    .contains("MANDELA-97");
        }

        @Test
        void aProvedChargeWithLossOfPrivilegesIsRecordedOnce() {
            long c = charge();
            Api.Response r = decide(c, List.of(Map.of("kind", "LOSS_OF_PRIVILEGES", "days", 7, "description",
                    "Sin economato")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("state").asString()).isEqualTo("PROVED");
            assertThat(r.json().get("sanctions").get(0).get("kind").asString()).isEqualTo("LOSS_OF_PRIVILEGES");
            assertThat(decide(c, List.of()).status()).isEqualTo(409);
        }

        @Test
        void solitaryAsASanctionGoesIntoTheRegisterAndEndsWhenTheChargeIsQuashed() {
            long c = charge();
            assertThat(decide(c, List.of(Map.of("kind", "SOLITARY_CONFINEMENT", "days", 16))).json().get("code")
                    .asString()).isEqualTo("solitary-limit");
            assertThat(decide(c, List.of(Map.of("kind", "SOLITARY_CONFINEMENT", "days", 5))).status()).isEqualTo(200);
            JsonNode register = api.get("/api/facilities/" + f.code() + "/solitary", OFFICER).json();
            assertThat(register.get("total").asInt()).isEqualTo(1);
            JsonNode p = register.get("items").get(0);
            assertThat(p.get("chargeId").asLong()).isEqualTo(c);
            assertThat(p.get("basis").asString()).isEqualTo("DISCIPLINARY");
            assertThat(api.post("/api/discipline/charges/" + c + "/quash", "direccion",
                    Map.of("reason", "Error de identificación")).status()).isEqualTo(200);
            assertThat(api.get("/api/facilities/" + f.code() + "/solitary", OFFICER).json().get("total").asInt())
                    .isZero();
        }
    }

    /** An incident recorded by the incidents module naming the person (and another), {@code hoursAgo} ago. */
    long incident(long hoursAgo, long named) {
        Map<String, Object> i = new HashMap<>();
        i.put("facilityCode", f.code());
        i.put("type", "FIGHT");
        i.put("occurredAt", Instant.now().minus(Duration.ofHours(hoursAgo)).truncatedTo(ChronoUnit.SECONDS).toString());
        i.put("locationId", f.cells().get(0));
        i.put("description", "Pelea en la celda durante el reparto de agua");
        i.put("people", List.of(Map.of("personId", named, "role", "PERPETRATOR")));
        Api.Response r = api.post("/api/incidents", OFFICER, i);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Api.Response layFrom(long incident, Instant typed) {
        Map<String, Object> body = new HashMap<>(Map.of("personId", person, "incidentId", incident, "offence",
                "Agresión a otro privado de libertad", "particulars", "Golpeó a su compañero de celda"));
        if (typed != null) {
            body.put("incidentAt", typed.toString());
        }
        return api.post("/api/discipline/charges", OFFICER, body);
    }

    @Nested
    class FromAnIncident {
        @Test
        void theChargeTakesTheTimeTheIncidentRecords() {
            long incident = incident(3, person);
            String recorded = api.get("/api/incidents/" + incident, OFFICER).json().get("occurredAt").asString();
            Api.Response r = layFrom(incident, null);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("incidentId").asLong()).isEqualTo(incident);
            assertThat(Instant.parse(r.json().get("incidentAt").asString())).isEqualTo(Instant.parse(recorded));
        }

        @Test
        void anIncidentPastTheHoursIsOutOfTimeWhateverTimeIsTyped() {
            long incident = incident(50, person);
            Api.Response r = layFrom(incident, null);
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("charge-out-of-time");
        }

        @Test
        void aTypedTimeThatDiffersFromTheIncidentsIsRefusedAndNothingIsLaid() {
            long incident = incident(50, person);
            long before = fx.ledgerEntries();
            Api.Response r = layFrom(incident, Instant.now().minus(Duration.ofHours(1)));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("incidentAt");
            assertThat(fx.ledgerEntries()).isEqualTo(before);
        }

        @Test
        void aPersonNotNamedInTheIncidentIsNotChargedFromIt() {
            long other = fx.admitAs(RECORDS, f.code(), f.cells().get(1));
            long incident = incident(2, other);
            Api.Response r = layFrom(incident, null);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("incidentId");
        }

        @Test
        void anUnknownIncidentIsNotFound() {
            assertThat(layFrom(Long.MAX_VALUE, null).status()).isEqualTo(404);
        }

        @Test
        void withoutAnIncidentTheTimeIsRequired() {
            Api.Response r = api.post("/api/discipline/charges", OFFICER, Map.of("personId", person, "offence",
                    "Riña", "particulars", "Pelea en el patio"));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("incidentAt");
        }

        @Test
        void theChargePageLinksTheIncident() {
            long incident = incident(2, person);
            long charge = layFrom(incident, null).json().get("id").asLong();
            Api.Response page = api.get("/discipline/charges/" + charge, OFFICER);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("href=\"/incidents/" + incident + "\"");
        }
    }

    @Nested
    class Solitary {
        @Test
        void morethanFifteenDaysIsRefusedWithTheRule() {
            Api.Response r = place(16);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("MANDELA-44");
            assertThat(api.get("/api/facilities/" + f.code() + "/solitary", OFFICER).json().get("total").asInt())
                    .isZero();
        }

        @Test
        void officersDoNotPlacePeopleInSolitary() {
            assertThat(api.post("/api/people/" + person + "/solitary", OFFICER, Map.of("basis", "GOOD_ORDER",
                    "authority", "x", "reason", "y", "days", 3)).status()).isEqualTo(403);
        }

        @Test
        void aPersonFoundUnfitIsNotPlaced() {
            assertThat(api.post("/api/people/" + person + "/fitness", HEALTH, Map.of("kind", "SOLITARY",
                    "fit", false)).status()).isEqualTo(201);
            Api.Response r = place(3);
            assertThat(r.json().get("code").asString()).isEqualTo("unfit-for-solitary");
            assertThat(r.body()).contains("MANDELA-45");
        }

        @Test
        void anExtensionPastFifteenDaysIsRefused() {
            long id = place(10).json().get("id").asLong();
            assertThat(api.post("/api/solitary/" + id + "/extension", "direccion", Map.of("days", 6, "reason",
                    "Persiste el riesgo")).status()).isEqualTo(409);
            Api.Response ok = api.post("/api/solitary/" + id + "/extension", "direccion", Map.of("days", 5,
                    "reason", "Persiste el riesgo"));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("plannedDays").asInt()).isEqualTo(15);
        }

        @Test
        void aShortBreakDoesNotResetTheCount() {
            clock.pin(Instant.now());
            long id = place(10).json().get("id").asLong();
            clock.advance(Duration.ofDays(10));
            assertThat(api.post("/api/solitary/" + id + "/end", OFFICER, Map.of("reason", "Cumplido")).status())
                    .isEqualTo(200);
            clock.advance(Duration.ofHours(2));
            assertThat(place(6).json().get("code").asString()).isEqualTo("solitary-limit");
            Api.Response again = place(5);
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(again.json().get("carriedDays").asInt()).isEqualTo(10);
        }

        @Test
        void theRegisterAlertsFromDayThirteenAndCountsDaysWithoutAHealthVisit() {
            clock.pin(Instant.now());
            long id = place(15).json().get("id").asLong();
            clock.advance(Duration.ofDays(11));
            JsonNode p = placement(id);
            assertThat(p.get("day").asInt()).isBetween(12, 13);
            clock.advance(Duration.ofDays(1));
            p = placement(id);
            assertThat(p.get("day").asInt()).isGreaterThanOrEqualTo(13);
            assertThat(p.get("alert").asBoolean()).isTrue();
            assertThat(p.get("overLimit").asBoolean()).isFalse();
            assertThat(p.get("daysWithoutHealthVisit").asInt()).isEqualTo(p.get("day").asInt() - 1);
            assertThat(p.get("reviewOverdue").asBoolean()).as("first review within 72 h").isTrue();
        }

        @Test
        void aHealthVisitFindingHarmStopsAnyExtension() {
            long id = place(5).json().get("id").asLong();
            Api.Response v = api.post("/api/solitary/" + id + "/health-visits", HEALTH, Map.of("finding",
                    "ADVERSE_EFFECT", "note", "Crisis de ansiedad, no debe seguir aislado"));
            assertThat(v.status()).as(v.body()).isEqualTo(200);
            assertThat(v.json().get("unfit").asBoolean()).isTrue();
            assertThat(v.json().get("daysWithoutHealthVisit").asInt()).isZero();
            assertThat(api.post("/api/solitary/" + id + "/extension", "direccion", Map.of("days", 1, "reason",
                    "x")).body()).contains("MANDELA-45");
            String entry = db.sql("select canonical from ledger_entry where person_id = ? and event_type = "
                    + "'SOLITARY_HEALTH_VISIT'").param(person).query(String.class).single();
            assertThat(entry).contains("ADVERSE_EFFECT").doesNotContain("ansiedad");
        }

        @Test
        void aPersonIsInOnePlacementAtATime() {
            Api.Response first = place(3);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(place(3).status()).isEqualTo(409);
        }

        @Test
        void financeDoesNotReadTheRegister() {
            assertThat(api.get("/api/facilities/" + f.code() + "/solitary", "finanzas").status()).isEqualTo(403);
        }

        @Test
        void anHourOutdoorsAndAReviewAreRecorded() {
            long id = place(3).json().get("id").asLong();
            assertThat(api.post("/api/solitary/" + id + "/outdoors", OFFICER, Map.of("minutes", 60)).status())
                    .isEqualTo(200);
            Api.Response r = api.post("/api/solitary/" + id + "/reviews", "direccion", Map.of("decision", "END",
                    "note", "Ya no hay riesgo"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("endedAt").isNull()).isFalse();
        }
    }

    @Nested
    class Pages {
        @Test
        void theRegisterPageShowsTheDayAndTheAlert() {
            clock.pin(Instant.now());
            long id = place(15).json().get("id").asLong();
            clock.advance(Duration.ofDays(13));
            Api.Response r = api.get("/facilities/" + f.code() + "/solitary", OFFICER);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("data-placement=\"" + id + "\"", "Día 13 o más");
        }

        @Test
        void financeDoesNotOpenTheHearingPage() {
            long c = charge();
            assertThat(api.get("/discipline/charges/" + c, "finanzas").status()).isEqualTo(403);
            assertThat(api.get("/discipline/charges/" + c, OFFICER).body()).doesNotContain("id=\"decision-form\"");
        }
    }
}
