package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bad input found by hand and by review (issue 10, §1): each answers 400 with a stable code, changes nothing,
 * and never shows an exception message or SQL.
 */
class BadInputTest extends ServiceTest {

    String head() {
        return db.sql("select coalesce(string_agg(chain || ':' || seq, ',' order by chain), '') from ledger_head")
                .query(String.class).single();
    }

    long rows(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** A 400 with our code and nothing of the input's failure inside: no SQL, no exception text. */
    void refusedCleanly(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("invalid-request");
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("insert ").doesNotContain("0x00");
    }

    @Nested
    class Isolation {
        @Test
        void aNulCharacterInTheReasonIsRefusedAndNothingIsOrdered() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            long orders = rows("isolation_order");
            String head = head();

            refusedCleanly(api.post("/api/people/" + person + "/isolation", "salud",
                    "{\"cohort\":\"AISL-1\",\"reason\":\"a\\u0000b\"}"));

            assertThat(rows("isolation_order")).isEqualTo(orders);
            assertThat(head()).isEqualTo(head);
        }

        @Test
        void aDirectionOverrideInTheReasonIsRefused() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            long orders = rows("isolation_order");

            Api.Response r = api.post("/api/people/" + person + "/isolation", "salud",
                    "{\"cohort\":\"AISL-1\",\"reason\":\"fiebre \\u202Eetneics\"}");

            refusedCleanly(r);
            assertThat(r.json().get("errors").has("reason")).isTrue();
            assertThat(rows("isolation_order")).isEqualTo(orders);
        }

        @Test
        void aBrokenSurrogateIsRefused() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();

            refusedCleanly(api.post("/api/people/" + person + "/isolation", "salud",
                    "{\"cohort\":\"AISL-1\",\"reason\":\"x\\ud800y\"}"));
        }
    }

    @Nested
    class Hearings {
        @Test
        void aHearingInTheYear300000IsRefusedAndNothingIsScheduled() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            long hearings = rows("hearing");
            String head = head();

            Api.Response r = api.post("/api/people/" + person + "/hearings", "registro", Map.of("caseNumber",
                    "CAUSA-1", "court", "Juzgado 1", "scheduledAt", "+300000-01-01T00:00:00Z", "durationMinutes", 60,
                    "mode", "VIRTUAL"));

            refusedCleanly(r);
            assertThat(r.json().get("errors").has("scheduledAt")).isTrue();
            assertThat(rows("hearing")).isEqualTo(hearings);
            assertThat(head()).isEqualTo(head);
        }
    }

    @Nested
    class Representation {
        @Test
        void aRepresentationSinceTheYearOneIsRefused() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();

            Api.Response r = api.post("/api/people/" + person + "/representation", "registro", Map.of("lawyerName",
                    "Lic. Ana Pérez", "kind", "PRIVATE", "since", "0001-01-01"));

            refusedCleanly(r);
            assertThat(r.json().get("errors").has("since")).isTrue();
        }
    }

    @Nested
    class Admissions {
        @Test
        void aBirthDateBefore1900IsRefusedAndNobodyIsAdmitted() {
            long cell = fx.newCell("CECOT", 2);
            Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", cell, "Ana", "Pérez", "López"));
            a.put("dateOfBirth", "1812-03-01");
            long people = fx.people();

            Api.Response r = api.post("/api/people", "registro", a);

            refusedCleanly(r);
            assertThat(r.json().get("errors").has("dateOfBirth")).isTrue();
            assertThat(fx.people()).isEqualTo(people);
        }

        @Test
        void aControlCharacterInAnAliasIsRefused() {
            long cell = fx.newCell("CECOT", 2);
            Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", cell, "Ana", "Pérez", "López"));
            a.put("aliases", java.util.List.of("La\u0007Flaca"));
            long people = fx.people();

            refusedCleanly(api.post("/api/people", "registro", a));
            assertThat(fx.people()).isEqualTo(people);
        }

        @Test
        void aNameWithAccentsAndTwoSurnamesIsKeptExactly() {
            long cell = fx.newCell("CECOT", 2);

            Api.Response r = api.post("/api/people", "registro",
                    Fixtures.admission("CECOT", cell, "José Ángel", "Muñoz", "Güemes"));

            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("fullName").asString()).isEqualTo("José Ángel Muñoz Güemes");
        }
    }

    @Nested
    class Size {
        String hugeReason() {
            return "{\"cohort\":\"AISL-1\",\"reason\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        }

        @Test
        void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            long orders = rows("isolation_order");

            Api.Response r = api.post("/api/people/" + person + "/isolation", "salud", hugeReason());

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("code").asString()).isEqualTo("too-large");
            assertThat(rows("isolation_order")).isEqualTo(orders);
        }

        @Test
        void aBodyWithoutADeclaredLengthIsCutOffAtTheLimit() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            long orders = rows("isolation_order");

            Api.Response r = api.postChunked("/api/people/" + person + "/isolation", "salud",
                    hugeReason().getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(r.json().get("code").asString()).isEqualTo("too-large");
            assertThat(rows("isolation_order")).isEqualTo(orders);
        }
    }

    @Nested
    class Codes {
        @Test
        void aConflictCarriesItsOwnCode() {
            long person = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
            api.post("/api/people/" + person + "/isolation", "salud", Map.of("cohort", "AISL-1", "reason", "x1"));

            Api.Response again = api.post("/api/people/" + person + "/isolation", "salud",
                    Map.of("cohort", "AISL-1", "reason", "x2"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("already-done");
            assertThat(again.json().get("type").asString()).isEqualTo("urn:custodia:problem:already-done");
        }

        @Test
        void aWrongMethodIsProblemJsonWithItsCode() {
            Api.Response r = api.delete("/api/people/search", "registro");

            assertThat(r.status()).isEqualTo(405);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("method-not-allowed");
        }

        @Test
        void anUnknownApiPathIsProblemJsonNotFound() {
            Api.Response r = api.get("/api/no-such-thing", "registro");

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("code").asString()).isEqualTo("not-found");
        }

        @Test
        void anUnknownPageIsStillThePagesOwn404() {
            Api.Response r = api.get("/no-such-page", "registro");

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).doesNotContain("problem+json");
        }

        @Test
        void aWrongMediaTypeHasItsCode() {
            Api.Response r = api.postRaw("/api/intake/batches", "registro", "text/plain", "x");

            assertThat(r.status()).isEqualTo(415);
            assertThat(r.json().get("code").asString()).isEqualTo("unsupported-media-type");
        }

        @Test
        void aMistypedPathVariableHasTheInvalidRequestCode() {
            Api.Response r = api.get("/api/people/not-a-number", "registro");

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("invalid-request");
        }
    }
}
