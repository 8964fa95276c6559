package org.custodia.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a batch may be: read as a stream within byte and row limits, CSV as spreadsheets write it, bad rows named. */
class IntakeLimitsTest extends ServiceTest {

    static String row(String given, String date) {
        return given + ",Flores,Díaz,,"  + date + ",FEMALE,SLV," + IntakeTest.doc()
                + ",UNTRIED,Juzgado de Paz de Apopa,OD-1,CPP art. 329,2026-11-01T10:00:00Z,Apopa,CECOT\n";
    }

    Api.Response csv(String body) {
        return api.postRaw("/api/intake/batches", "registro", "text/csv", body);
    }

    long batches() {
        return db.sql("select count(*) from intake_batch").query(Long.class).single();
    }

    @Nested
    class Csv {
        @Test
        void aSpreadsheetsByteOrderMarkBeforeTheHeaderIsAccepted() {
            Api.Response r = csv("\uFEFF" + IntakeTest.HEADER + row("Ana María", "1990-01-01"));

            assertThat(r.status()).as(r.body()).isEqualTo(202);
        }

        @Test
        void aQuoteFollowedByMoreTextIsRefusedNotJoined() {
            long before = batches();

            Api.Response r = csv(IntakeTest.HEADER + row("\"Ana\"María", "1990-01-01"));

            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("invalid-request");
            assertThat(batches()).isEqualTo(before);
        }

        @Test
        void aNulCharacterInADateIsARowErrorAndNobodyIsAdmitted() {
            long people = fx.people();

            Api.Response r = csv(IntakeTest.HEADER + row("Ana María", "1990-01-0\u0000"));

            assertThat(r.status()).as(r.body()).isEqualTo(422);
            List<String> errors = r.json().get("errors").values().stream()
                    .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
            assertThat(errors).containsExactly("1:dateOfBirth");
            assertThat(r.body()).doesNotContain("\\u0000");
            assertThat(fx.people()).isEqualTo(people);
        }

        @Test
        void aControlCharacterInANameIsARowError() {
            Api.Response r = csv(IntakeTest.HEADER + row("Ana\u0007María", "1990-01-01"));

            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("givenNames");
        }
    }

    @Nested
    class Limits {
        @Test
        void moreThanTenThousandRowsAreRefusedWhole() {
            StringBuilder body = new StringBuilder(IntakeTest.HEADER);
            String one = row("Ana María", "1990-01-01");
            for (int i = 0; i <= IntakeService.MAX_ROWS; i++) {
                body.append(one);
            }
            long before = batches();

            Api.Response r = csv(body.toString());

            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get("body").asString()).contains("10000 rows");
            assertThat(batches()).isEqualTo(before);
        }

        @Test
        void aBodyOverTheByteLimitIsRefusedWithoutReadingItAll() {
            // 2 MiB in the test configuration; the JSON is well formed, only too big
            String body = "[" + " ".repeat(3 * 1024 * 1024) + "]";
            long before = batches();

            Api.Response r = api.postRaw("/api/intake/batches", "registro", "application/json", body);

            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get("body").asString()).contains("2097152 bytes");
            assertThat(batches()).isEqualTo(before);
        }
    }
}
