package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.MutableClock;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Days in pretrial detention against SV-CPP-8 limits and recorded extensions; nobody passes a limit silently. */
class PretrialWatchTest extends ServiceTest {
    @Autowired
    MutableClock clock;

    /** Days are counted by the test and by the service at the same instant, even around midnight. */
    @BeforeEach
    void pin() {
        clock.pin(Instant.now());
    }

    @AfterEach
    void release() {
        clock.release();
    }

    long admitArrestedDaysAgo(long days) {
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 2), "Óscar Iván",
                "Guzmán", "Quintanilla"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c = new HashMap<>((Map<String, Object>) a.get("commitment"));
        c.put("arrestedAt", LocalDate.now(clock).minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toString());
        a.put("commitment", c);
        Api.Response r = api.post("/api/people", "registro", a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode entry(long personId) {
        for (JsonNode e : api.get("/api/worklists/pretrial?facility=CECOT", "registro").json().get("entries").values()) {
            if (e.get("personId").asLong() == personId) {
                return e;
            }
        }
        return null;
    }

    @Test
    void theDemoShowsPeopleHeldPastTheirLimit() {
        JsonNode w = api.get("/api/worklists/pretrial", "inspector").json();
        JsonNode cecot = null;
        for (JsonNode c : w.get("counts").values()) {
            if (c.get("facilityCode").asString().equals("CECOT")) {
                cecot = c;
            }
        }
        assertThat(cecot).isNotNull();
        assertThat(cecot.get("pastLimit").asLong()).isPositive();
        JsonNode first = w.get("entries").get(0);
        assertThat(first.get("status").asString()).isEqualTo("PAST_LIMIT");
        assertThat(first.get("seriousness").asString()).isEqualTo("SERIOUS");
        assertThat(first.get("daysLeft").asLong()).isNegative();
        Api.Response dashboard = api.get("/", "direccion");
        assertThat(dashboard.body()).contains("pretrial-past");
    }

    @Test
    void daysInPretrialGrowWithTheServicesClockAndTheLimitArrives() {
        long id = admitArrestedDaysAgo(300);
        assertThat(entry(id)).as("300 of 365 days: not yet due").isNull();
        clock.advance(java.time.Duration.ofDays(40));
        JsonNode due = entry(id);
        assertThat(due.get("daysInPretrial").asLong()).isEqualTo(340);
        assertThat(due.get("status").asString()).isEqualTo("DUE");
        clock.advance(java.time.Duration.ofDays(30));
        assertThat(entry(id).get("status").asString()).isEqualTo("PAST_LIMIT");
    }

    @Test
    void limitsFollowTheChargeAndExtensionsMoveThem() {
        // arrested 350 days ago, no charge: the shorter 12-month limit applies and is near -> on the list, marked
        long id = admitArrestedDaysAgo(350);
        JsonNode e = entry(id);
        assertThat(e).isNotNull();
        assertThat(e.get("status").asString()).isEqualTo("DUE");
        assertThat(e.get("chargeRecorded").asBoolean()).isFalse();
        assertThat(e.get("daysInPretrial").asLong()).isEqualTo(350);

        // a serious charge: 24 months -> off the list
        Api.Response charge = api.post("/api/people/" + id + "/charges", "registro", Map.of("caseNumber", "EXP-1",
                "offence", "Extorsión agravada", "statuteArticle", "Código Penal art. 214", "seriousness", "SERIOUS"));
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertThat(entry(id)).isNull();

        // arrested 800 days ago with a serious charge: past the limit, until an extension is recorded
        long late = admitArrestedDaysAgo(800);
        api.post("/api/people/" + late + "/charges", "registro", Map.of("caseNumber", "EXP-2",
                "offence", "Agrupaciones ilícitas", "statuteArticle", "Código Penal art. 345", "seriousness", "SERIOUS"));
        assertThat(entry(late).get("status").asString()).isEqualTo("PAST_LIMIT");
        long entries = fx.ledgerEntries("PRETRIAL_EXTENDED");
        Api.Response ext = api.post("/api/people/" + late + "/pretrial-extensions", "registro", extension(200));
        assertThat(ext.status()).as(ext.body()).isEqualTo(201);
        assertThat(fx.ledgerEntries("PRETRIAL_EXTENDED")).isEqualTo(entries + 1);
        // off the past-limit count, but still listed, with the resolution, for the inspector to see
        JsonNode extended = entry(late);
        assertThat(extended.get("status").asString()).isEqualTo("EXTENDED");
        assertThat(extended.get("courtResolution").asString()).isEqualTo("Resolución 45-2026, Juzgado Especializado");
        assertThat(api.get("/worklists/pretrial?facility=CECOT", "inspector").body())
                .contains("Resolución 45-2026");
    }

    Map<String, Object> extension(long daysFromToday) {
        return Map.of("legalBasis", "Ley especial contra el crimen organizado, reforma 15-08-2025 (SV-LECO-2025)",
                "courtResolution", "Resolución 45-2026, Juzgado Especializado",
                "expiresOn", LocalDate.now(clock).plusDays(daysFromToday).toString());
    }

    @Test
    void anExtensionIsBoundedByTheLawAndCitesTheCourtResolution() {
        // arrested 800 days ago, serious charge: limit 24 months, at most 12 more (SV-LECO-2025)
        long late = admitArrestedDaysAgo(800);
        api.post("/api/people/" + late + "/charges", "registro", Map.of("caseNumber", "EXP-9",
                "offence", "Agrupaciones ilícitas", "statuteArticle", "Código Penal art. 345", "seriousness", "SERIOUS"));
        long entries = fx.ledgerEntries();
        Map<String, Object> forever = new HashMap<>(extension(0));
        forever.put("expiresOn", "9999-12-31");
        Api.Response refused = api.post("/api/people/" + late + "/pretrial-extensions", "registro", forever);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").has("expiresOn")).isTrue();
        // 800 days + 400 is past 24 + 12 months from the arrest
        assertThat(api.post("/api/people/" + late + "/pretrial-extensions", "registro", extension(400)).status())
                .isEqualTo(400);
        Map<String, Object> uncited = new HashMap<>(extension(100));
        uncited.remove("courtResolution");
        assertThat(api.post("/api/people/" + late + "/pretrial-extensions", "registro", uncited).status())
                .isEqualTo(400);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(entry(late).get("status").asString()).isEqualTo("PAST_LIMIT");
        // someone held convicted has no pretrial detention to extend
        long convicted = fx.admit("CECOT", fx.newCell("CECOT", 2), "SENTENCED");
        assertThat(api.post("/api/people/" + convicted + "/pretrial-extensions", "registro", extension(100))
                .status()).isEqualTo(409);
    }

    @Test
    void badInputAndRolesAreRefused() {
        long id = admitArrestedDaysAgo(10);
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/people/" + id + "/charges", "registro", Map.of("caseNumber", "EXP-3",
                "offence", "x", "statuteArticle", "y", "seriousness", "TERRIBLE")).status()).isEqualTo(400);
        Api.Response missing = api.post("/api/people/" + id + "/charges", "registro", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("seriousness")).isTrue();
        assertThat(api.post("/api/people/" + id + "/pretrial-extensions", "registro",
                Map.of("legalBasis", "x", "courtResolution", "R-1", "expiresOn", "2001-01-01")).status())
                .isEqualTo(400);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(api.get("/api/worklists/pretrial", "oficial").status()).isEqualTo(403);
        assertThat(api.get("/api/worklists/pretrial", "finanzas").status()).isEqualTo(403);
        assertThat(api.get("/worklists/pretrial?facility=CECOT", "direccion").status()).isEqualTo(200);
    }
}
