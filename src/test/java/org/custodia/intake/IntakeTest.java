package org.custodia.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Batch reception: every error reported, nobody admitted by default when there are errors, idempotent, duplicates held. */
class IntakeTest extends ServiceTest {
    static final String HEADER = "givenNames,firstSurname,secondSurname,aliases,dateOfBirth,sex,nationality,idDocument,"
            + "legalStatus,authority,documentReference,legalBasis,arrestedAt,arrestPlace,facilityCode\n";

    static String doc() {
        return "V" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
    }

    static Map<String, Object> person(String given, String first, String document) {
        return new java.util.HashMap<>(Map.ofEntries(Map.entry("givenNames", given), Map.entry("firstSurname", first),
                Map.entry("secondSurname", "Rondón"), Map.entry("aliases", List.of("El Catire")),
                Map.entry("dateOfBirth", "1991-02-03"), Map.entry("sex", "MALE"), Map.entry("nationality", "VEN"),
                Map.entry("idDocument", document), Map.entry("legalStatus", "HELD_FOR_ANOTHER_STATE"),
                Map.entry("authority", "Estados Unidos de América (contrato de servicios penitenciarios)"),
                Map.entry("documentReference", "TRF-2025-" + document),
                Map.entry("legalBasis", "Acuerdo de servicios penitenciarios 2025"),
                Map.entry("arrestedAt", "2025-03-15T10:00:00Z"),
                Map.entry("arrestPlace", "Traslado aéreo, Aeropuerto Internacional de El Salvador"),
                Map.entry("facilityCode", "CECOT")));
    }

    JsonNode await(String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/intake/batches/" + id, "registro").json(),
                        r -> !r.get("status").asString().equals("ADMITTING"));
    }

    /** {@code POST /api/intake/batches}: refusals, each changing nothing. */
    @Nested
    class Refused {
        long people;

        @BeforeEach
        void count() {
            people = fx.people();
        }

        @AfterEach
        void nobodyWasAdmitted() {
            assertThat(fx.people()).isEqualTo(people);
        }

        @Test
        void withoutCredentials() {
            assertThat(api.postRaw("/api/intake/batches", null, "application/json", "[]").status()).isEqualTo(401);
        }

        @Test
        void custodyStaffMayNotSendABatch() {
            assertThat(api.postRaw("/api/intake/batches", "oficial", "application/json", "[]").status())
                    .isEqualTo(403);
        }

        @Test
        void csvWithAnUnclosedQuoteOrWithoutTheColumns() {
            assertThat(api.postRaw("/api/intake/batches", "registro", "text/csv", HEADER + "\"unclosed,x\n").status())
                    .isEqualTo(400);
            assertThat(api.postRaw("/api/intake/batches", "registro", "text/csv", "name,age\nx,1\n").status())
                    .isEqualTo(400);
        }

        @Test
        void jsonThatIsNotAnArrayOfRows() {
            assertThat(api.postRaw("/api/intake/batches", "registro", "application/json", "{\"not\":\"an array\"}")
                    .status()).isEqualTo(400);
            assertThat(api.postRaw("/api/intake/batches", "registro", "application/json", "[{").status())
                    .isEqualTo(400);
        }

        @Test
        void anotherMediaTypeIs415() {
            assertThat(api.postRaw("/api/intake/batches", "registro", "text/plain", "x").status()).isEqualTo(415);
        }

        @Test
        void anUnknownModeIs400() {
            assertThat(api.postRaw("/api/intake/batches?mode=SOMETIMES", "registro", "application/json", "[]")
                    .status()).isEqualTo(400);
        }
    }

    /** {@code POST /api/intake/batches}: what is admitted, held or reported. */
    @Nested
    class Received {
        @Test
        void aValidJsonBatchIsAdmittedIntoReceptionOnceOnly() throws Exception {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                rows.add(person("Yohandry José", "Pérez" + (char) ('a' + i % 26), doc()));
            }
            String body = Api.JSON.writeValueAsString(rows);
            long admittedBefore = fx.ledgerEntries("PERSON_ADMITTED");
            long people = fx.people();
            Api.Response r = api.postRaw("/api/intake/batches", "registro", "application/json", body);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            JsonNode done = await(r.json().get("id").asString());
            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("admitted").asInt()).isEqualTo(25);
            assertThat(done.get("processed").asInt()).isEqualTo(25);
            assertThat(fx.people()).isEqualTo(people + 25);
            assertThat(fx.ledgerEntries("PERSON_ADMITTED")).isEqualTo(admittedBefore + 25);

            // the same batch again creates nobody
            Api.Response again = api.postRaw("/api/intake/batches", "registro", "application/json", body);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("id").asString()).isEqualTo(done.get("id").asString());
            assertThat(fx.people()).isEqualTo(people + 25);
        }

        @Test
        void aBatchWithErrorsAdmitsNobodyAndListsEveryError() throws Exception {
            String good = "Ana María,Flores,Díaz,,1990-01-01,FEMALE,SLV," + doc()
                    + ",UNTRIED,Juzgado de Paz de Apopa,OD-1,CPP art. 329,2026-11-01T10:00:00Z,Apopa,CECOT\n";
            String badDate = "Luis,Mejía,Soto,,1990-02-30,MALE,SLV," + doc()
                    + ",UNTRIED,Juzgado de Paz de Apopa,OD-2,CPP art. 329,2026-11-01T10:00:00Z,Apopa,CECOT\n";
            String noCommitment = "\"Juan, \"\"Chepe\"\"\",López,Ruiz,,1990-01-01,MALE,SLV," + doc()
                    + ",UNTRIED,,,,2026-11-01T10:00:00Z,Apopa,CECOT\n";
            String hostile = "<script>alert(1)</script>,Gómez,,,1990-01-01,MALE,SLV," + doc()
                    + ",UNTRIED,Juzgado,OD-4,CPP art. 329,2026-11-01T10:00:00Z,Apopa,NOWHERE\n";
            String csv = HEADER + good + badDate + noCommitment + hostile;
            long people = fx.people();
            long entries = fx.ledgerEntries();
            Api.Response r = api.postRaw("/api/intake/batches", "registro", "text/csv", csv);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            JsonNode report = r.json();
            assertThat(report.get("status").asString()).isEqualTo("REJECTED");
            List<String> errors = report.get("errors").values().stream()
                    .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
            assertThat(errors).contains("2:dateOfBirth", "3:commitment.authority", "3:commitment.documentReference",
                    "3:commitment.legalBasis", "4:givenNames", "4:facilityCode");
            assertThat(errors).noneMatch(e -> e.startsWith("1:"));
            assertThat(fx.people()).isEqualTo(people);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);

            // the user may explicitly admit the valid rows only
            Api.Response valid = api.postRaw("/api/intake/batches?mode=VALID_ONLY", "registro", "text/csv", csv);
            assertThat(valid.status()).as(valid.body()).isEqualTo(202);
            JsonNode done = await(valid.json().get("id").asString());
            assertThat(done.get("admitted").asInt()).isEqualTo(1);
            assertThat(fx.people()).isEqualTo(people + 1);
        }

        @Test
        void possibleDuplicatesAreHeldForReview() throws Exception {
            String known = doc();
            Map<String, Object> first = person("Keiber Alexander", "Guerra", known);
            Api.Response r1 = api.postRaw("/api/intake/batches", "registro", "application/json",
                    Api.JSON.writeValueAsString(List.of(first)));
            await(r1.json().get("id").asString());
            long people = fx.people();
            // same document again; a close spelling with the same date of birth; and a new person
            Map<String, Object> sameDoc = person("Keiber", "Guerra", known);
            Map<String, Object> closeName = person("Keyber Alexander", "Guera", doc());
            Map<String, Object> fresh = person("Wuilmer", "Colmenares", doc());
            fresh.put("dateOfBirth", "1985-06-06");
            Api.Response r2 = api.postRaw("/api/intake/batches", "registro", "application/json",
                    Api.JSON.writeValueAsString(List.of(sameDoc, closeName, fresh)));
            JsonNode done = await(r2.json().get("id").asString());
            assertThat(done.get("held").asInt()).isEqualTo(2);
            assertThat(done.get("admitted").asInt()).isEqualTo(1);
            assertThat(done.get("heldRows").get(0).get("candidates").size()).isEqualTo(1);
            assertThat(fx.people()).isEqualTo(people + 1);

            // a records officer reviews the held rows
            String id = done.get("id").asString();
            long candidate = done.get("heldRows").get(0).get("candidates").get(0).asLong();
            Api.Response inCustody = api.post("/api/intake/batches/" + id + "/held/1/resolution", "registro",
                    Map.of("decision", "SAME_PERSON", "personId", candidate, "reason", "Mismo DUI"));
            assertThat(inCustody.status()).as(inCustody.body()).isEqualTo(409);
            Api.Response dismissed = api.post("/api/intake/batches/" + id + "/held/1/resolution", "registro",
                    Map.of("decision", "DISMISS", "reason", "Ya está en custodia: fila duplicada del manifiesto"));
            assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
            Api.Response asNew = api.post("/api/intake/batches/" + id + "/held/2/resolution", "registro",
                    Map.of("decision", "ADMIT_AS_NEW", "reason", "Otra persona: huellas distintas"));
            assertThat(asNew.status()).as(asNew.body()).isEqualTo(200);
            assertThat(fx.people()).isEqualTo(people + 2);
            JsonNode report = api.get("/api/intake/batches/" + id, "registro").json();
            assertThat(report.get("admitted").asInt()).isEqualTo(2);
            assertThat(report.get("heldRows").get(0).get("resolution").asString()).startsWith("dismissed");
            assertThat(report.get("heldRows").get(1).get("resolution").asString()).contains("admitted as a new person");
            assertThat(api.post("/api/intake/batches/" + id + "/held/2/resolution", "registro",
                    Map.of("decision", "DISMISS", "reason", "x")).status()).isEqualTo(409);
            assertThat(api.post("/api/intake/batches/" + id + "/held/9/resolution", "registro",
                    Map.of("decision", "DISMISS", "reason", "x")).status()).isEqualTo(404);
        }

        @Test
        void aKnownPersonNoLongerHeldIsReadmittedAsTheSamePerson() throws Exception {
            String document = doc();
            Api.Response r1 = api.postRaw("/api/intake/batches", "registro", "application/json",
                    Api.JSON.writeValueAsString(List.of(person("Deivis", "Quintero", document))));
            await(r1.json().get("id").asString());
            long known = db.sql("select id from person where id_document = ?").param(document).query(Long.class)
                    .single();
            assertThat(api.post("/api/people/" + known + "/release", "registro", Map.of("basis",
                    "TRANSFER_TO_SENDING_STATE", "reference", "Nota diplomática 2026/5")).status()).isEqualTo(200);
            long people = fx.people();
            Map<String, Object> again = person("Deivis", "Quintero", document);
            again.put("documentReference", "TRF-2026-B");
            JsonNode done = await(api.postRaw("/api/intake/batches", "registro", "application/json",
                    Api.JSON.writeValueAsString(List.of(again))).json().get("id").asString());
            assertThat(done.get("held").asInt()).isEqualTo(1);
            Api.Response same = api.post("/api/intake/batches/" + done.get("id").asString() + "/held/1/resolution",
                    "registro", Map.of("decision", "SAME_PERSON", "personId", known, "reason", "Mismo DUI y huellas"));
            assertThat(same.status()).as(same.body()).isEqualTo(200);
            assertThat(fx.people()).isEqualTo(people);
            JsonNode p = api.get("/api/people/" + known, "registro").json();
            assertThat(p.get("bookings").size()).isEqualTo(2);
            assertThat(p.get("current").isNull()).isFalse();
            assertThat(fx.ledgerEntries("PERSON_READMITTED")).isPositive();
        }
    }

    /** {@code GET /api/intake/batches/{id}} */
    @Nested
    class Status {
        @Test
        void anUnknownBatchIs404() {
            assertThat(api.get("/api/intake/batches/nope", "registro").status()).isEqualTo(404);
        }

        @Test
        void withoutCredentialsIs401() {
            assertThat(api.get("/api/intake/batches/nope", null).status()).isEqualTo(401);
        }
    }
}
