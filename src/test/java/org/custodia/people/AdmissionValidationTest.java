package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear 400 naming the field, and nothing is written anywhere. */
class AdmissionValidationTest extends ServiceTest {
    long cell;

    @BeforeEach
    void setUp() {
        cell = fx.newCell("CECOT", 10);
    }

    private void refused(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", cell, "Ana Lucía", "Ramírez", "Ortiz"));
        breakIt.accept(a);
        long entries = fx.ledgerEntries();
        long people = fx.people();
        long bookings = fx.bookings();
        Api.Response r = api.post("/api/people", "registro", a);
        assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).isNotNull();
        assertThat(errors.has(field)).as(r.body()).isTrue();
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.people()).isEqualTo(people);
        assertThat(fx.bookings()).isEqualTo(bookings);
        assertThat(fx.population(cell)).isZero();
    }

    static Arguments refusal(String what, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(what, field, breakIt);
    }

    /** POST /api/people: each bad admission, one per test, names its field and changes nothing. */
    @Nested
    class Refused {
        static Stream<Arguments> noCommitmentRecord() {
            return Stream.of(
                    refusal("no commitment", "commitment", a -> a.remove("commitment")),
                    refusal("no authority", "commitment.authority", a -> a.put("commitment",
                            Map.of("documentReference", "EXP-1", "legalBasis", "CPP art. 329"))),
                    refusal("a blank legal basis", "commitment.legalBasis", a -> a.put("commitment",
                            Map.of("authority", "Juzgado", "documentReference", "EXP-1", "legalBasis", " "))));
        }

        static Stream<Arguments> hostileOrMalformedNames() {
            return Stream.of(
                    refusal("markup", "givenNames", a -> a.put("givenNames", "<script>alert(1)</script>")),
                    refusal("SQL", "firstSurname", a -> a.put("firstSurname", "Robert'); DROP TABLE person;--")),
                    refusal("a NUL", "secondSurname", a -> a.put("secondSurname", "Pérez\u0000")),
                    refusal("empty", "givenNames", a -> a.put("givenNames", "")),
                    refusal("markup in an alias", "aliases", a -> a.put("aliases", List.of("El \"Jefe\" <b>"))),
                    refusal("too long", "givenNames", a -> a.put("givenNames", "x".repeat(101))));
        }

        static Stream<Arguments> wrongDatesAndCodes() {
            return Stream.of(
                    refusal("born in the future", "dateOfBirth", a -> a.put("dateOfBirth", "2999-01-01")),
                    refusal("a nationality that is not a code", "nationality",
                            a -> a.put("nationality", "El Salvador")),
                    refusal("no sex", "sex", a -> a.remove("sex")),
                    refusal("no legal status", "legalStatus", a -> a.remove("legalStatus")),
                    refusal("an unknown place", "locationId", a -> a.put("locationId", 99_999_999L)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource({"noCommitmentRecord", "hostileOrMalformedNames", "wrongDatesAndCodes"})
        void aBadAdmission(String what, String field, Consumer<Map<String, Object>> breakIt) {
            refused(field, breakIt);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{", "[]", "{\"dateOfBirth\":\"31/02/1990\"}", "{\"sex\":\"ROBOT\"}"})
        void anUnreadableBody(String body) {
            long entries = fx.ledgerEntries();
            long people = fx.people();
            Api.Response r = api.post("/api/people", "registro", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
            assertThat(fx.people()).isEqualTo(people);
        }
    }

    @Test
    void namesWithAccentsTwoSurnamesAndAliasesAreKeptExactly() {
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", cell, "José Ángel", "Núñez", "de la Peña"));
        a.put("aliases", List.of("El Güero", "Ñato 18"));
        Api.Response r = api.post("/api/people", "registro", a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("fullName").asString()).isEqualTo("José Ángel Núñez de la Peña");
        assertThat(p.get("aliases").values().stream().map(JsonNode::asString)).containsExactly("El Güero", "Ñato 18");
        JsonNode again = api.get("/api/people/" + p.get("id").asLong(), "registro").json();
        assertThat(again.get("secondSurname").asString()).isEqualTo("de la Peña");
        assertThat(again.get("current").get("bookingNumber").asString()).startsWith("CECOT-");
    }
}
