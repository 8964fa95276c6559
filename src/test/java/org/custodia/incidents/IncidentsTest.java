package org.custodia.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * Incidents from report to closing and reopening, a fight among rivals linked to the housing rules, and use of force
 * with its statements owed and the health examinations its injuries open.
 */
class IncidentsTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String SECOND = "oficial-segundo";
    static final String RECORDS = "registro-nacional";
    static final String HEALTH = "salud-nacional";
    static final String NAMED = "direccion-implicada";

    @Autowired
    MutableClock clock;

    TestFacility f;
    long a;
    long b;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(SECOND, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        fx.account(HEALTH, "HEALTH");
        fx.account(NAMED, "COMMAND");
        f = fx.newFacility(2, 10);
        a = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
        b = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    Map<String, Object> incident(String type) {
        Map<String, Object> i = new HashMap<>();
        i.put("facilityCode", f.code());
        i.put("type", type);
        i.put("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString());
        i.put("locationId", f.cells().get(0));
        i.put("description", "Pelea en la celda durante el reparto de agua");
        i.put("people", List.of(Map.of("personId", a, "role", "PERPETRATOR"), Map.of("personId", b, "role", "VICTIM")));
        return i;
    }

    long report(Map<String, Object> body) {
        Api.Response r = api.post("/api/incidents", OFFICER, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    String status(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("status").asString();
    }

    @Nested
    class Review {
        @Test
        void fromDraftToClosedAndReopenedWithEveryStepKept() {
            long id = report(incident("FIGHT"));
            assertThat(status(api.post("/api/incidents/" + id + "/submit", OFFICER, Map.of())))
                    .isEqualTo("AWAITING_REVIEW");
            assertThat(status(api.post("/api/incidents/" + id + "/review", "direccion", Map.of("decision",
                    "NEEDS_UPDATING", "note", "Falta la hora exacta")))).isEqualTo("NEEDS_UPDATING");
            api.post("/api/incidents/" + id + "/additions", OFFICER, Map.of("text", "Ocurrió a las 12:40"));
            assertThat(status(api.post("/api/incidents/" + id + "/submit", OFFICER, Map.of())))
                    .isEqualTo("AWAITING_REVIEW");
            assertThat(status(api.post("/api/incidents/" + id + "/review", "direccion", Map.of("decision",
                    "CLOSE")))).isEqualTo("CLOSED");
            JsonNode i = api.post("/api/incidents/" + id + "/reopen", "direccion", Map.of("reason",
                    "Nueva declaración de un testigo")).json();
            assertThat(i.get("status").asString()).isEqualTo("AWAITING_REVIEW");
            assertThat(i.get("history").valueStream().filter(e -> e.get("kind").asString().equals("STATUS"))
                    .map(e -> e.get("status").asString())).containsExactly("DRAFT", "AWAITING_REVIEW",
                    "NEEDS_UPDATING", "AWAITING_REVIEW", "CLOSED", "AWAITING_REVIEW");
        }

        @Test
        void officersDoNotReview() {
            long id = report(incident("FIGHT"));
            assertThat(api.post("/api/incidents/" + id + "/review", OFFICER, Map.of("decision", "CLOSE")).status())
                    .isEqualTo(403);
        }

        @Test
        void staffNamedInTheIncidentDoNotReviewIt() {
            Map<String, Object> body = incident("ASSAULT_ON_STAFF");
            body.put("staff", List.of(NAMED));
            body.put("submit", true);
            long id = report(body);
            assertThat(api.post("/api/incidents/" + id + "/review", NAMED, Map.of("decision", "CLOSE")).status())
                    .isEqualTo(403);
        }

        @Test
        void aPlaceOfAnotherFacilityIsRefusedAndNothingIsRecorded() {
            Map<String, Object> body = incident("FIGHT");
            body.put("locationId", fx.newCell("CECOT", 4));
            long before = fx.ledgerEntries();
            assertThat(api.post("/api/incidents", OFFICER, body).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(before);
        }

        @Test
        void anotherFacilitysOfficerDoesNotSeeIt() {
            long id = report(incident("FIGHT"));
            assertThat(api.get("/api/incidents/" + id, "oficial").status()).isEqualTo(404);
        }
    }

    @Nested
    class Rivals {
        @Test
        void aFightAmongRivalGroupsCarriesTheClashAndThePavilion() {
            long ms = fx.admit("CECOT", fx.newCell("CECOT", 10), "UNTRIED");
            long b18 = fx.admit("CECOT", fx.newCell("CECOT", 10), "UNTRIED");
            fx.claim(ms, "MS-13");
            fx.claim(b18, "B18-SUR");
            Map<String, Object> body = incident("FIGHT");
            body.put("facilityCode", "CECOT");
            body.remove("locationId");
            body.put("people", List.of(Map.of("personId", ms, "role", "PERPETRATOR"), Map.of("personId", b18,
                    "role", "PERPETRATOR")));
            JsonNode i = api.get("/api/incidents/" + report(body), OFFICER).json();
            assertThat(i.get("clashes").valueStream().map(c -> c.get("rule").asString())).contains("RIVAL_GROUP");
        }

        @Test
        void peopleWithoutAClashCarryNone() {
            JsonNode i = api.get("/api/incidents/" + report(incident("FIGHT")), OFFICER).json();
            assertThat(i.get("clashes")).isEmpty();
            assertThat(i.get("pavilionCode").asString()).isEqualTo(f.pavilion());
        }
    }

    @Nested
    class UseOfForce {
        Map<String, Object> force() {
            Map<String, Object> u = new HashMap<>();
            u.put("officers", List.of(OFFICER, SECOND));
            u.put("reason", "Separar a dos personas que se golpeaban");
            u.put("restraint", true);
            u.put("restraintPosition", "Boca abajo, menos de un minuto");
            u.put("techniques", List.of("TAKEDOWN", "HANDCUFFS"));
            u.put("bodyWornCamera", false);
            u.put("cctv", true);
            u.put("injuries", List.of(Map.of("personId", a, "description", "Corte en la ceja")));
            return u;
        }

        long record() {
            long incident = report(incident("FIGHT"));
            Api.Response r = api.post("/api/incidents/" + incident + "/use-of-force", OFFICER, force());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asLong();
        }

        @Test
        void eachInjuryOpensAHealthExamination() {
            long id = record();
            JsonNode u = api.get("/api/use-of-force/" + id, OFFICER).json();
            long call = u.get("examinations").get(0).asLong();
            JsonNode sickCall = api.get("/api/sick-calls/" + call, HEALTH).json();
            assertThat(sickCall.get("personId").asLong()).isEqualTo(a);
            assertThat(sickCall.get("source").asString()).isEqualTo("STAFF");
        }

        @Test
        void onlyAnOfficerInvolvedGivesAStatementAndOnlyOnce() {
            long id = record();
            assertThat(api.post("/api/use-of-force/" + id + "/statements", "direccion", Map.of("text", "x")).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/use-of-force/" + id + "/statements", OFFICER, Map.of("text",
                    "Intervine para separarlos")).status()).isEqualTo(200);
            assertThat(api.post("/api/use-of-force/" + id + "/statements", OFFICER, Map.of("text", "otra")).status())
                    .isEqualTo(409);
        }

        @Test
        void aStatementNotGivenInThreeDaysIsOverdue() {
            clock.pin(Instant.now());
            long id = record();
            api.post("/api/use-of-force/" + id + "/statements", OFFICER, Map.of("text", "Intervine"));
            String path = "/api/facilities/" + f.code() + "/use-of-force-statements?overdue=true";
            assertThat(api.get(path, "direccion").json().get("total").asInt()).isZero();
            clock.advance(Duration.ofDays(3).plusMinutes(1));
            JsonNode owed = api.get(path, "inspector").json();
            assertThat(owed.get("total").asInt()).isEqualTo(1);
            assertThat(owed.get("items").get(0).get("officer").asString()).isEqualTo(SECOND);
        }

        @Test
        void anUnknownOfficerIsRefusedAndNothingIsRecorded() {
            long incident = report(incident("FIGHT"));
            Map<String, Object> u = force();
            u.put("officers", List.of("nadie-con-ese-nombre"));
            long before = fx.ledgerEntries();
            assertThat(api.post("/api/incidents/" + incident + "/use-of-force", OFFICER, u).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(before);
        }

        @Test
        void officersDoNotReadTheStatementsOwed() {
            assertThat(api.get("/api/facilities/" + f.code() + "/use-of-force-statements", OFFICER).status())
                    .isEqualTo(403);
        }
    }
}
