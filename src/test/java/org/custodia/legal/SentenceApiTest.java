package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sentences through the API: centuries exact, calculation shown, bad input refused, each recorded in the ledger. */
class SentenceApiTest extends ServiceTest {

    static Map<String, Object> sentence(String caseNumber, long years, long months, long days, String mode) {
        Map<String, Object> s = new HashMap<>();
        s.put("caseNumber", caseNumber);
        s.put("court", "Tribunal Especializado de Sentencia A, San Salvador");
        s.put("offence", "Homicidio agravado (Código Penal art. 129)");
        s.put("years", years);
        s.put("months", months);
        s.put("days", days);
        s.put("startDate", "2022-03-27");
        s.put("mode", mode);
        s.put("remandCreditDays", 0);
        s.put("imposedOn", "2025-06-10");
        return s;
    }

    long id;
    long entries;

    @BeforeEach
    void someoneAdmitted() {
        id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
        entries = fx.ledgerEntries();
    }

    Api.Response post(String user, Object body) {
        return api.post("/api/people/" + id + "/sentences", user, body);
    }

    /** A refusal leaves the ledger and the person's sentences as they were. */
    void unchanged() {
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(api.get("/api/people/" + id + "/sentences", "registro").json().get("sentences").size()).isZero();
    }

    /** POST /api/people/{id}/sentences: refusals, one per test. */
    @Nested
    class Refused {
        void badField(String field, Map<String, Object> body) {
            Api.Response r = post("registro", body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").has(field)).as(r.body()).isTrue();
            unchanged();
        }

        @Test
        void wrongRole() {
            assertThat(post("oficial", sentence("X-5", 5, 0, 0, "CONCURRENT")).status()).isEqualTo(403);
            unchanged();
        }

        @Test
        void aTermOverTheLegalMaximumCitesTheRule() {
            badField("term", sentence("X-1", 61, 0, 0, "CONCURRENT"));
            assertThat(post("registro", sentence("X-1", 61, 0, 0, "CONCURRENT")).json().get("errors").get("term")
                    .asString()).contains("SV-CP-45");
        }

        @Test
        void aTermTooShort() {
            badField("term", sentence("X-2", 0, 3, 0, "CONCURRENT"));
        }

        @Test
        void aNegativeRemandCredit() {
            Map<String, Object> credit = sentence("X-3", 5, 0, 0, "CONCURRENT");
            credit.put("remandCreditDays", -1);
            badField("remandCreditDays", credit);
        }

        @Test
        void followingASentenceThatDoesNotExist() {
            Map<String, Object> follows = sentence("X-4", 5, 0, 0, "CONSECUTIVE");
            follows.put("follows", 999_999);
            badField("follows", follows);
        }

        @Test
        void noCaseNumber() {
            badField("caseNumber", sentence(" ", 5, 0, 0, "CONCURRENT"));
        }

        @Test
        void anImpossibleDate() {
            assertThat(post("registro", "{\"startDate\":\"2022-02-30\"}").status()).isEqualTo(400);
            unchanged();
        }
    }

    /** POST /api/people/{id}/sentences: what is recorded and calculated. */
    @Nested
    class Recorded {
        @Test
        void anAccumulatedSentenceOfCenturiesIsExact() {
            long recorded = fx.ledgerEntries("SENTENCE_RECORDED");
            // 463 years (SV-SENTENCE-SUM): seven terms of 60 years and one of 43, served one after another
            JsonNode last = null;
            for (int i = 0; i < 8; i++) {
                Api.Response r = post("registro",
                        sentence("SENT-2025-" + i, i < 7 ? 60 : 43, 0, 0, i == 0 ? "CONCURRENT" : "CONSECUTIVE"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                last = r.json();
            }
            JsonNode calc = last.get("calculation");
            assertThat(calc.get("pronounced").get("years").asLong()).isEqualTo(463);
            assertThat(calc.get("earliestRelease").asString())
                    .isEqualTo(LocalDate.of(2022, 3, 27).plusYears(463).toString()).isEqualTo("2485-03-27");
            assertThat(calc.get("steps").size()).isEqualTo(8);
            assertThat(calc.get("steps").get(1).get("startsOn").asString()).isEqualTo("2082-03-27");
            assertThat(fx.ledgerEntries("SENTENCE_RECORDED")).isEqualTo(recorded + 8);
            assertThat(api.get("/api/people/" + id + "/sentences", "inspector").json().get("sentences").size())
                    .isEqualTo(8);
            Api.Response page = api.get("/people/" + id + "/sentences", "direccion");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("2485-03-27").contains("463");
        }

        @Test
        void remandCreditBringsTheReleaseForward() {
            Map<String, Object> s = sentence("SENT-2025-77", 10, 6, 0, "CONCURRENT");
            s.put("remandCreditDays", 400);
            JsonNode r = post("registro", s).json();
            assertThat(r.get("calculation").get("earliestRelease").asString())
                    .isEqualTo(LocalDate.of(2022, 3, 27).plusYears(10).plusMonths(6).minusDays(400).toString());
        }
    }
}
