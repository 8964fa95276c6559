package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** People outside an official's facilities are invisible to them; every read of a record is logged (MANDELA-9). */
class ScopeAndAccessLogTest extends ServiceTest {

    long someoneIn(String facility) {
        return db.sql("select person_id from booking where facility_code = ? and released_at is null order by id "
                + "limit 1").param(facility).query(Long.class).single();
    }

    /** Who sees whom: an official sees the people of their facilities; national accounts see all. */
    @Nested
    class Scope {
        @Test
        void aFacilityOfficialSeesOnlyTheirFacility() {
            long inCecot = someoneIn("CECOT");
            long elsewhere = someoneIn("LAESPERANZA");
            assertThat(api.get("/api/people/" + inCecot, "oficial").status()).isEqualTo(200);
            Api.Response hidden = api.get("/api/people/" + elsewhere, "oficial");
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("LAESPERANZA");
            assertThat(api.get("/api/people/" + elsewhere + "/history", "oficial").status()).isEqualTo(404);
            assertThat(api.get("/api/facilities/LAESPERANZA/occupancy", "oficial").status()).isEqualTo(404);
            JsonNode visible = api.get("/api/facilities", "oficial").json();
            assertThat(visible.values().stream().map(n -> n.get("id").asString())).containsExactly("CECOT");
            // national scope sees both
            assertThat(api.get("/api/people/" + elsewhere, "direccion").status()).isEqualTo(200);
            assertThat(api.get("/api/facilities", "inspector").json().values().stream().map(n -> n.get("id").asString()))
                    .contains("CECOT", "LAESPERANZA");
        }

        @Test
        void anAccountScopedElsewhereCannotActOnCecotPeople() {
            Api.Response created = api.post("/api/accounts", "admin", Map.of("username", "registro.izalco",
                    "displayName", "Registro Izalco", "password", "izalco-password-1", "roles", List.of("RECORDS"),
                    "national", false, "facilities", Set.of("IZALCO")));
            assertThat(created.status()).as(created.body()).isIn(201, 409);
            long inCecot = someoneIn("CECOT");
            Api.Response r = api.get("/api/people/" + inCecot, null);
            assertThat(r.status()).isEqualTo(401);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String auth = java.util.Base64.getEncoder().encodeToString("registro.izalco:izalco-password-1".getBytes());
            int status = send(http, "/api/people/" + inCecot + "/release", auth,
                    "{\"basis\":\"COURT_ORDER\",\"reference\":\"Orden 1\"}");
            assertThat(status).isEqualTo(404);
            assertThat(db.sql("select count(*) from booking where person_id = ? and released_at is null").param(inCecot)
                    .query(Long.class).single()).isEqualTo(1);
        }

        private int send(java.net.http.HttpClient http, String path, String auth, String body) {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every read of a person, by any page, fragment or endpoint, is in the access log; refusals as refusals. */
    @Nested
    class AccessLog {
        @Test
        void readsAndExportsAreInTheAccessLog() {
            long id = someoneIn("CECOT");
            long before = logged("READ_PERSON", Long.toString(id));
            assertThat(api.get("/api/people/" + id, "salud").status()).isEqualTo(200);
            assertThat(logged("READ_PERSON", Long.toString(id))).isEqualTo(before + 1);
            JsonNode log = api.get("/api/access-log?subjectType=person&subjectId=" + id, "inspector").json();
            assertThat(log.get(0).get("username").asString()).isEqualTo("salud");
            assertThat(log.get(0).get("roles").asString()).isEqualTo("HEALTH");

            long exports = db.sql("select count(*) from access_log where action = 'EXPORT_LEDGER'").query(Long.class)
                    .single();
            assertThat(api.get("/api/ledger/export", "inspector").status()).isEqualTo(200);
            assertThat(db.sql("select count(*) from access_log where action = 'EXPORT_LEDGER'").query(Long.class)
                    .single()).isEqualTo(exports + 1);
            assertThat(api.get("/api/access-log", "oficial").status()).isEqualTo(403);
        }

        @Test
        void aRefusedReadIsLoggedAsRefusedNotAsARead() {
            long elsewhere = someoneIn("LAESPERANZA");
            long reads = fx.accessLogLines(elsewhere, false);
            long refused = fx.accessLogLines(elsewhere, true);
            assertThat(api.get("/api/people/" + elsewhere, "oficial").status()).isEqualTo(404);
            assertThat(api.get("/people/" + elsewhere, "oficial").status()).isEqualTo(404);
            assertThat(fx.accessLogLines(elsewhere, false)).isEqualTo(reads);
            assertThat(fx.accessLogLines(elsewhere, true)).isEqualTo(refused + 2);
        }

        @Test
        void searchResultsLogEveryoneReturned() {
            JsonNode hits = api.get("/api/people/search?q=martinez&limit=5", "oficial").json();
            assertThat(hits.size()).isPositive();
            long returned = hits.get(0).get("personId").asLong();
            long before = logged("SEARCH_RESULT", Long.toString(returned));
            api.get("/api/people/search?q=martinez&limit=5", "oficial");
            assertThat(logged("SEARCH_RESULT", Long.toString(returned))).isEqualTo(before + 1);
            api.get("/search?q=martinez", "oficial");
            assertThat(logged("SEARCH_RESULT", Long.toString(returned))).isEqualTo(before + 2);
        }

        @Test
        void theCellPageAndTheCellApiLogEveryOccupant() {
            long cell = fx.newCell("CECOT", 3);
            long person = fx.admit("CECOT", cell, "UNTRIED");
            long before = fx.accessLogLines(person, false);
            assertThat(api.get("/housing/cells/" + cell, "oficial").status()).isEqualTo(200);
            assertThat(api.get("/api/cells/" + cell, "oficial").status()).isEqualTo(200);
            assertThat(fx.accessLogLines(person, false)).isEqualTo(before + 2);
        }

        @Test
        void theFragmentsOfThePersonPageLogTheirReads() {
            long person = someoneIn("CECOT");
            long sentences = logged("READ_SENTENCES_AND_HEARINGS", Long.toString(person));
            long affiliations = logged("READ_AFFILIATIONS", Long.toString(person));
            assertThat(api.get("/people/" + person + "/sentences", "oficial").status()).isEqualTo(200);
            assertThat(api.get("/people/" + person + "/affiliations", "oficial").status()).isEqualTo(200);
            assertThat(logged("READ_SENTENCES_AND_HEARINGS", Long.toString(person))).isEqualTo(sentences + 1);
            assertThat(logged("READ_AFFILIATIONS", Long.toString(person))).isEqualTo(affiliations + 1);
        }

        @Test
        void aMoveCheckAndAPlanLogThePeopleTheyName() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 3), "UNTRIED");
            long target = fx.newCell("CECOT", 3);
            long before = fx.accessLogLines(person, false);
            Api.Response check = api.post("/api/moves/check", "oficial", Map.of("moves",
                    List.of(Map.of("personId", person, "toLocationId", target))));
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            assertThat(fx.accessLogLines(person, false)).isEqualTo(before + 1);

            Api.Response plan = api.post("/api/housing/plans", "registro", Map.of("facilityCode", "CECOT",
                    "personIds", List.of(person)));
            assertThat(plan.status()).as(plan.body()).isIn(200, 201);
            long afterProposal = fx.accessLogLines(person, false);
            assertThat(api.get("/housing/plans/" + plan.json().get("id").asLong(), "oficial").status()).isEqualTo(200);
            assertThat(fx.accessLogLines(person, false)).isEqualTo(afterProposal + 1);
        }
    }

    long logged(String action, String subject) {
        return db.sql("select count(*) from access_log where action = ? and subject_id = ?").params(action, subject)
                .query(Long.class).single();
    }
}
