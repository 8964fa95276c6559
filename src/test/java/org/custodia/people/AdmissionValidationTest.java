package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Test
    void noAdmissionWithoutACommitmentRecord() {
        refused("commitment", a -> a.remove("commitment"));
        refused("commitment.authority", a -> a.put("commitment",
                Map.of("documentReference", "EXP-1", "legalBasis", "CPP art. 329")));
        refused("commitment.legalBasis", a -> a.put("commitment",
                Map.of("authority", "Juzgado", "documentReference", "EXP-1", "legalBasis", " ")));
    }

    @Test
    void hostileOrMalformedNamesAreRefused() {
        refused("givenNames", a -> a.put("givenNames", "<script>alert(1)</script>"));
        refused("firstSurname", a -> a.put("firstSurname", "Robert'); DROP TABLE person;--"));
        refused("secondSurname", a -> a.put("secondSurname", "Pérez\u0000"));
        refused("givenNames", a -> a.put("givenNames", ""));
        refused("aliases", a -> a.put("aliases", List.of("El \"Jefe\" <b>")));
        refused("givenNames", a -> a.put("givenNames", "x".repeat(101)));
    }

    @Test
    void wrongDatesAndCodesAreRefused() {
        refused("dateOfBirth", a -> a.put("dateOfBirth", "2999-01-01"));
        refused("nationality", a -> a.put("nationality", "El Salvador"));
        refused("sex", a -> a.remove("sex"));
        refused("legalStatus", a -> a.remove("legalStatus"));
        refused("locationId", a -> a.put("locationId", 99_999_999L));
    }

    @Test
    void unreadableBodiesAreRefused() {
        long entries = fx.ledgerEntries();
        for (String body : new String[] {"{", "[]", "{\"dateOfBirth\":\"31/02/1990\"}", "{\"sex\":\"ROBOT\"}"}) {
            Api.Response r = api.post("/api/people", "registro", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
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
