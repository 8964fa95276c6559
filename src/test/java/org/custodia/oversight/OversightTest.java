package org.custodia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deaths, serious injuries and grounds of ill-treatment: reported to the independent authority at once, a death
 * ending the stay and holding the records as evidence, and staff named as involved kept out of the case.
 */
class OversightTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final String HEALTH = "salud-nacional";
    static final String IMPLICATED = "direccion-implicada";

    TestFacility f;
    long person;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        fx.account(HEALTH, "HEALTH");
        fx.account(IMPLICATED, "COMMAND");
        f = fx.newFacility(2, 10);
        person = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    Map<String, Object> death() {
        Map<String, Object> c = new HashMap<>();
        c.put("kind", "DEATH");
        c.put("personId", person);
        c.put("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString());
        c.put("place", f.pavilion() + "-1");
        c.put("circumstances", "Encontrado sin respuesta en su celda durante el conteo de las 06:00");
        c.put("foundBy", "Oficial de turno del pabellón");
        c.put("involvedStaff", List.of(IMPLICATED));
        return c;
    }

    long reportDeath() {
        Api.Response r = api.post("/api/serious-cases", OFFICER, death());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode deaths(String facility) {
        for (JsonNode row : api.get("/api/figures/deaths", "inspector").json()) {
            if (facility.equals(row.path("facilityCode").asString(null))) {
                return row;
            }
        }
        throw new AssertionError("no row " + facility + " in " + api.get("/api/figures/deaths", "inspector").body());
    }

    @Nested
    class Death {
        @Test
        void theInspectorSeesItAtOnceAndAcknowledgesIt() {
            long id = reportDeath();
            JsonNode list = api.get("/api/serious-cases?unacknowledged=true&facility=" + f.code(), "inspector").json();
            assertThat(list.get("items").valueStream().map(c -> c.get("id").asLong())).contains(id);
            Api.Response ack = api.post("/api/serious-cases/" + id + "/acknowledgement", "inspector", Map.of());
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("inspector");
            String entry = db.sql("select canonical from ledger_entry where person_id = ? and event_type = "
                    + "'SERIOUS_CASE_REPORTED'").param(person).query(String.class).single();
            assertThat(entry).contains("\"notified\":\"INSPECTOR\"", IMPLICATED).doesNotContain("sin respuesta");
        }

        @Test
        void itEndsTheStayOnDeathAndCountsInTheRate() {
            long before = deaths(f.code()).get("deaths").asLong();
            reportDeath();
            JsonNode p = api.get("/api/people/" + person, RECORDS).json();
            assertThat(p.get("current").isNull()).isTrue();
            assertThat(p.get("bookings").get(0).get("releaseBasis").asString()).isEqualTo("DEATH");
            JsonNode after = deaths(f.code());
            assertThat(after.get("deaths").asLong()).isEqualTo(before + 1);
            assertThat(after.get("perThousand").asDouble()).isPositive();
            assertThat(after.get("nextOfKinNotTold").asLong()).isEqualTo(1);
        }

        @Test
        void aReleaseOnDeathOutsideTheWorkflowIsRefused() {
            Api.Response r = api.post("/api/people/" + person + "/release", RECORDS, Map.of("basis", "DEATH",
                    "reference", "Acta 1"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(api.get("/api/people/" + person, RECORDS).json().get("current").isNull()).isFalse();
        }

        @Test
        void theRecordsAreHeldAsEvidence() {
            reportDeath();
            Api.Response r = api.post("/api/people/" + person + "/file/property", RECORDS,
                    Map.of("content", Map.of("item", "Reloj")));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("code").asString()).isEqualTo("evidence-hold");
        }

        @Test
        void whoFoundThePersonIsRequired() {
            Map<String, Object> c = death();
            c.remove("foundBy");
            long before = fx.ledgerEntries();
            assertThat(api.post("/api/serious-cases", OFFICER, c).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(before);
        }

        @Test
        void nextOfKinRemainsAndCauseAreRecorded() {
            long id = reportDeath();
            assertThat(api.post("/api/serious-cases/" + id + "/next-of-kin", RECORDS, Map.of("nextOfKin",
                    "María Pérez (madre), por teléfono", "notifiedAt", Instant.now().toString())).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/serious-cases/" + id + "/remains", RECORDS, Map.of("destination",
                    "Instituto de Medicina Legal, San Salvador", "at", Instant.now().toString())).status())
                    .isEqualTo(200);
            Api.Response c = api.post("/api/serious-cases/" + id + "/cause", HEALTH, Map.of("cause",
                    "Edema pulmonar", "establishedBy", "Autopsia, Medicina Legal"));
            assertThat(c.status()).as(c.body()).isEqualTo(200);
            assertThat(c.json().get("cause").asString()).isEqualTo("Edema pulmonar");
            assertThat(deaths(f.code()).get("nextOfKinNotTold").asLong()).isZero();
        }
    }

    @Nested
    class InvolvedStaff {
        @Test
        void cannotReadTheCase() {
            long id = reportDeath();
            assertThat(api.get("/api/serious-cases/" + id, IMPLICATED).status()).isEqualTo(403);
            assertThat(api.get("/api/serious-cases/" + id, "direccion").status()).isEqualTo(200);
        }

        @Test
        void cannotAddToIt() {
            long id = reportDeath();
            assertThat(api.post("/api/serious-cases/" + id + "/additions", IMPLICATED, Map.of("text",
                    "Estaba enfermo desde hace días")).status()).isEqualTo(403);
        }

        @Test
        void doNotSeeItInTheList() {
            long id = reportDeath();
            JsonNode list = api.get("/api/serious-cases?facility=" + f.code(), IMPLICATED).json();
            assertThat(list.get("items").valueStream().map(c -> c.get("id").asLong())).doesNotContain(id);
        }

        @Test
        void theirRefusalIsInTheAccessLog() {
            long id = reportDeath();
            long before = db.sql("select count(*) from access_log where username = ? and refused")
                    .param(IMPLICATED).query(Long.class).single();
            api.get("/api/serious-cases/" + id, IMPLICATED);
            assertThat(db.sql("select count(*) from access_log where username = ? and refused").param(IMPLICATED)
                    .query(Long.class).single()).isEqualTo(before + 1);
        }
    }

    @Nested
    class IllTreatment {
        @Test
        void aScreeningThatDocumentsSignsOpensACaseForTheInspector() {
            Map<String, Object> s = new HashMap<>();
            s.put("outcome", "COMPLETED");
            s.put("selfHarmRisk", "NONE");
            s.put("contagiousDisease", false);
            s.put("illTreatmentSigns", true);
            s.put("personsAccount", "Golpes durante la captura");
            s.put("fitForWork", true);
            assertThat(api.post("/api/people/" + person + "/screening", HEALTH, s).status()).isEqualTo(201);
            JsonNode list = api.get("/api/serious-cases?kind=ILL_TREATMENT&facility=" + f.code(), "inspector").json();
            assertThat(list.get("total").asInt()).isEqualTo(1);
            JsonNode c = list.get("items").get(0);
            assertThat(c.get("source").asString()).isEqualTo("HEALTH_SCREENING");
            assertThat(c.get("circumstances").asString()).doesNotContain("Golpes");
        }

        @Test
        void anAllegationAboutSomeoneReleasedCanBeReported() {
            assertThat(api.post("/api/people/" + person + "/release", RECORDS, Map.of("basis", "COURT_ORDER",
                    "reference", "Orden 7/2026")).status()).isEqualTo(200);
            Map<String, Object> c = death();
            c.put("kind", "ILL_TREATMENT");
            c.put("occurredAt", Instant.now().minus(Duration.ofDays(40)).toString());
            c.remove("foundBy");
            Api.Response r = api.post("/api/serious-cases", OFFICER, c);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        @Test
        void officersReportButDoNotReadCases() {
            long id = reportDeath();
            assertThat(api.get("/api/serious-cases/" + id, OFFICER).status()).isEqualTo(403);
        }
    }
}
