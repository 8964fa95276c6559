package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Emergency caps authorised by COMMAND, used by moves while in force, reported; daily occupancy snapshots. */
class EmergencyCapTest extends ServiceTest {

    @Test
    void aCapLetsCellsHoldMoreOnlyWhenCommandAuthorisedItAndIsReported() {
        String pav = fx.newPavilion("CECOT");
        long pavilionId = db.sql("select id from pavilion where code = ?").param(pav).query(Long.class).single();
        long cell = fx.newCell("CECOT", 2, pav);
        fx.admit("CECOT", cell, "UNTRIED");
        fx.admit("CECOT", cell, "UNTRIED");
        long third = fx.admit("CECOT", fx.newCell("CECOT", 1), "UNTRIED");
        Map<String, Object> move = Map.of("personId", third, "toLocationId", cell, "reason", "Hacinamiento en ingreso");
        assertThat(api.post("/api/moves", "oficial", move).status()).isEqualTo(409);

        Map<String, Object> cap = Map.of("facilityCode", "CECOT", "pavilionId", pavilionId, "percent", 150,
                "reason", "Llegada masiva tras operativo; habilitación temporal",
                "expiresAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        assertThat(api.post("/api/housing/emergency-caps", "oficial", cap).status()).isEqualTo(403);
        assertThat(api.post("/api/housing/emergency-caps", "direccion", Map.of("facilityCode", "CECOT", "percent",
                300, "reason", "x", "expiresAt", "2020-01-01T00:00:00Z")).status()).isEqualTo(400);
        Api.Response r = api.post("/api/housing/emergency-caps", "direccion", cap);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("inForce").asBoolean()).isTrue();
        assertThat(fx.ledgerEntries("EMERGENCY_CAP_AUTHORISED")).isPositive();

        Api.Response moved = api.post("/api/moves", "oficial", move);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(fx.population(cell)).isEqualTo(3);
        JsonNode view = api.get("/api/cells/" + cell, "inspector").json();
        assertThat(view.get("limit").asInt()).isEqualTo(3);
        assertThat(view.get("emergencyCap").asBoolean()).isTrue();
        assertThat(view.get("occupants").size()).isEqualTo(3);
        assertThat(api.get("/api/housing/emergency-caps", "inspector").json().values().stream()
                .anyMatch(c -> c.get("pavilionId").asLong() == pavilionId)).isTrue();
    }

    @Test
    void dailySnapshotsAreTakenOncePerDayAndShowInTheCellTrend() {
        long cell = fx.newCell("CECOT", 3);
        fx.admit("CECOT", cell, "UNTRIED");
        Api.Response first = api.post("/api/housing/snapshots", "admin", "{}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("recorded").asInt()).isPositive();
        assertThat(api.post("/api/housing/snapshots", "admin", "{}").json().get("recorded").asInt()).isZero();
        JsonNode trend = api.get("/api/cells/" + cell, "oficial").json().get("trend");
        assertThat(trend.size()).isEqualTo(1);
        assertThat(trend.get(0).get("population").asInt()).isEqualTo(1);
        assertThat(trend.get(0).get("areaPerPerson").asDouble()).isEqualTo(20.0);
    }
}
