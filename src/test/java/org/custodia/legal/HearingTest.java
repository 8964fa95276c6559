package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Hearings book the facility's hearing rooms without double booking; outcomes and representation are recorded. */
class HearingTest extends ServiceTest {

    long room(String code) {
        return db.sql("select id from location where facility_code = 'CECOT' and code = ?").param(code)
                .query(Long.class).single();
    }

    Map<String, Object> hearing(String at, String mode, Long room) {
        Map<String, Object> h = new HashMap<>();
        h.put("caseNumber", "EXP-2026-77");
        h.put("court", "Juzgado Especializado de Instrucción A, San Salvador");
        h.put("scheduledAt", at);
        h.put("durationMinutes", 60);
        h.put("mode", mode);
        h.put("hearingRoomId", room);
        return h;
    }

    @Test
    void aHearingRoomIsNeverBookedTwiceAtOnce() {
        long a = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        long b = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        String at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        String halfPast = Instant.parse(at).plus(30, ChronoUnit.MINUTES).toString();
        long sala = room("SALA-AUD-3");
        Api.Response first = api.post("/api/people/" + a + "/hearings", "registro", hearing(at, "VIRTUAL", sala));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("hearingRoom").asString()).isEqualTo("SALA-AUD-3");
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + b + "/hearings", "registro", hearing(halfPast, "VIRTUAL", sala)).status())
                .isEqualTo(409);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(api.post("/api/people/" + b + "/hearings", "registro",
                hearing(halfPast, "VIRTUAL", room("SALA-AUD-4"))).status()).isEqualTo(201);
        assertThat(api.post("/api/people/" + b + "/hearings", "registro", hearing(halfPast, "IN_PERSON", null))
                .status()).isEqualTo(201);

        long id = first.json().get("id").asLong();
        Api.Response outcome = api.post("/api/hearings/" + id + "/outcome", "registro",
                Map.of("outcome", "Se decreta instrucción formal con detención provisional"));
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(api.post("/api/hearings/" + id + "/outcome", "registro", Map.of("outcome", "otra")).status())
                .isEqualTo(409);

        assertThat(api.post("/api/people/" + a + "/representation", "registro", Map.of("lawyerName",
                "Lcda. Ana Cecilia Menjívar", "kind", "PUBLIC_DEFENDER", "since", "2026-11-20")).status())
                .isEqualTo(201);
        assertThat(api.get("/api/people/" + a + "/representation", "inspector").json().size()).isEqualTo(1);
        assertThat(api.get("/people/" + a + "/sentences", "registro").body()).contains("Ana Cecilia Menjívar")
                .contains("SALA-AUD-3");
    }

    @Test
    void badHearingsAreRefused() {
        long a = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        String at = Instant.now().plus(5, ChronoUnit.DAYS).toString();
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + a + "/hearings", "registro", hearing(at, "VIRTUAL", null)).status())
                .isEqualTo(400);
        long cell = fx.newCell("CECOT", 2);
        entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + a + "/hearings", "registro", hearing(at, "VIRTUAL", cell)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/people/" + a + "/hearings", "registro", hearing("2001-01-01T10:00:00Z", "IN_PERSON",
                null)).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + a + "/hearings", "registro", hearing(at, "IN_PERSON",
                room("SALA-AUD-1"))).status()).isEqualTo(400);
        assertThat(api.post("/api/people/" + a + "/representation", "registro", Map.of("lawyerName", "X",
                "kind", "FRIEND", "since", "2026-11-20")).status()).isEqualTo(400);
        assertThat(api.post("/api/hearings/999999/outcome", "registro", Map.of("outcome", "x")).status())
                .isEqualTo(404);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(api.post("/api/people/" + a + "/hearings", "oficial", hearing(at, "IN_PERSON", null)).status())
                .isEqualTo(403);
    }
}
