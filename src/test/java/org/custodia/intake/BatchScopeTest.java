package org.custodia.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Batches and their reports stay with the official who sent them; known people outside scope show little. */
class BatchScopeTest extends ServiceTest {
    String other;
    String elsewhere;

    @BeforeEach
    void officials() {
        other = fx.otherFacility();
        elsewhere = fx.account("registro-" + other.toLowerCase(), "RECORDS", other);
    }

    Api.Response submit(String user, String batchId, List<Map<String, Object>> rows) {
        return api.postRaw("/api/intake/batches" + (batchId == null ? "" : "?batchId=" + batchId), user,
                "application/json", Api.JSON.writeValueAsString(rows));
    }

    @Nested
    class Idempotency {
        @Test
        void anotherOfficialsBatchIdIsNeitherReturnedNorSquatted() {
            String batchId = "B-" + UUID.randomUUID();
            Api.Response mine = submit("registro", batchId, List.of(IntakeTest.person("Ever Antonio", "Lemus",
                    IntakeTest.doc())));
            assertThat(mine.status()).as(mine.body()).isEqualTo(202);
            String myId = mine.json().get("id").asString();

            Map<String, Object> theirs = IntakeTest.person("Nelson Ulises", "Portillo", IntakeTest.doc());
            theirs.put("facilityCode", other);
            Api.Response reused = submit(elsewhere, batchId, List.of(theirs));
            assertThat(reused.status()).as(reused.body()).isEqualTo(202);
            assertThat(reused.json().get("id").asString()).isNotEqualTo(myId);
            assertThat(reused.json().get("submittedBy").asString()).isEqualTo(elsewhere);
            assertThat(reused.body()).doesNotContain("Lemus");
            // and the first official's id still answers with their own batch
            Api.Response again = submit("registro", batchId, List.of());
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("id").asString()).isEqualTo(myId);
        }

        @Test
        void theSameContentFromAnotherOfficialIsTheirOwnBatch() {
            List<Map<String, Object>> rows = List.of(IntakeTest.person("Ever Antonio", "Lemus", IntakeTest.doc()));
            String myId = submit("registro", null, rows).json().get("id").asString();
            Api.Response same = submit(elsewhere, null, rows);
            // CECOT is outside their scope: their own rejected batch, not registro's report
            assertThat(same.status()).isEqualTo(422);
            assertThat(same.json().get("id").asString()).isNotEqualTo(myId);
        }

        @Test
        void anotherOfficialsReportIsNotFoundAndTheRefusalIsLogged() {
            String myId = submit("registro", null, List.of(IntakeTest.person("Ever Antonio", "Lemus",
                    IntakeTest.doc()))).json().get("id").asString();
            long refused = db.sql("select count(*) from access_log where subject_type = 'intake_batch' "
                    + "and subject_id = ? and refused").param(myId).query(Long.class).single();
            assertThat(api.get("/api/intake/batches/" + myId, elsewhere).status()).isEqualTo(404);
            assertThat(db.sql("select count(*) from access_log where subject_type = 'intake_batch' "
                    + "and subject_id = ? and refused").param(myId).query(Long.class).single()).isEqualTo(refused + 1);
        }
    }

    @Nested
    class KnownElsewhere {
        long person;
        String document;
        String born;

        @BeforeEach
        void someoneReleasedFromCecot() {
            document = IntakeTest.doc();
            // a date of birth of their own, so that nobody else in the test database resembles them
            born = java.time.LocalDate.of(1940, 1, 1).plusDays(new java.util.Random().nextInt(20_000)).toString();
            Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 2), "Wálter Ovidio",
                    "Zelaya", "Mazariego"));
            a.put("idDocument", document);
            a.put("dateOfBirth", born);
            Api.Response r = api.post("/api/admissions", "registro", a);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            person = r.json().get("id").asLong();
            assertThat(api.post("/api/people/" + person + "/release", "direccion",
                    Map.of("basis", "COURT_ORDER", "reference", "Sobreseimiento 12/2026")).status()).isEqualTo(200);
        }

        JsonNode heldRow() {
            Map<String, Object> row = IntakeTest.person("Walter Ovidio", "Zelaya", document);
            row.put("secondSurname", "Mazariego");
            row.put("dateOfBirth", born);
            row.put("facilityCode", other);
            Api.Response r = submit(elsewhere, null, List.of(row));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            return r.json();
        }

        @Test
        void showsOnlyIdentityLastFacilityAndReleaseBasis() {
            long lines = fx.accessLogLines(person, false);
            JsonNode report = heldRow();
            JsonNode held = report.get("heldRows").get(0);
            assertThat(held.get("candidates").size()).as("nobody from outside the scope as a candidate").isZero();
            JsonNode known = held.get("knownElsewhere").get(0);
            assertThat(known.get("personId").asLong()).isEqualTo(person);
            assertThat(known.get("lastFacility").asString()).isEqualTo("CECOT");
            assertThat(known.get("releaseBasis").asString()).isEqualTo("COURT_ORDER");
            assertThat(known.get("inScope").asBoolean()).isFalse();
            assertThat(report.toString()).doesNotContain("Sobreseimiento").doesNotContain("Juzgado Especializado");
            assertThat(fx.accessLogLines(person, false)).isGreaterThan(lines);
        }

        @Test
        void readmittingThemIsInTheLedgerAndTheAccessLogAndEarlierStaysStayHidden() {
            JsonNode report = heldRow();
            long readmitted = fx.ledgerEntries("PERSON_READMITTED");
            Api.Response r = api.post("/api/intake/batches/" + report.get("id").asString() + "/held/1/resolution",
                    elsewhere, Map.of("decision", "SAME_PERSON", "personId", person, "reason", "Mismo DUI"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(fx.ledgerEntries("PERSON_READMITTED")).isEqualTo(readmitted + 1);
            assertThat(db.sql("select (canonical::jsonb -> 'payload')->>'lastHeldAt' from ledger_entry where person_id = ? "
                    + "and event_type = 'PERSON_READMITTED'").param(person).query(String.class).single())
                    .isEqualTo("CECOT");
            assertThat(db.sql("select count(*) from access_log where subject_id = ? "
                    + "and action = 'READMIT_KNOWN_ELSEWHERE'").param(Long.toString(person)).query(Long.class)
                    .single()).isEqualTo(1);

            JsonNode seen = api.get("/api/people/" + person, elsewhere).json();
            JsonNode cecot = seen.get("bookings").values().stream()
                    .filter(b -> b.get("facilityCode").asString().equals("CECOT")).findFirst().orElseThrow();
            assertThat(cecot.get("releaseBasis").asString()).isEqualTo("COURT_ORDER");
            assertThat(cecot.get("commitmentAuthority").isNull()).isTrue();
            assertThat(cecot.get("bookingNumber").isNull()).isTrue();
            assertThat(api.get("/api/people/" + person + "/history", elsewhere).json().values().stream()
                    .map(e -> e.get("chain").asString())).containsOnly(other);
        }
    }
}
