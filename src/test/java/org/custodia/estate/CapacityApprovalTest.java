package org.custodia.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Certified capacity changes need a second official and never go below the people in the cell. */
class CapacityApprovalTest extends ServiceTest {


    int capacity(long cell) {
        return db.sql("select certified_capacity from location where id = ?").param(cell).query(Integer.class).single();
    }

    @Test
    void aSecondOfficialApprovesAndEachStepIsInTheLedger() {
        long cell = fx.newCell("CECOT", 4);
        long requested = fx.ledgerEntries("CAPACITY_CHANGE_REQUESTED");
        long approved = fx.ledgerEntries("CAPACITY_CHANGE_APPROVED");

        Api.Response r = api.post("/api/locations/" + cell + "/capacity-requests", "direccion",
                Map.of("requestedCapacity", 6, "reason", "Litera adicional instalada"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(capacity(cell)).isEqualTo(4);
        assertThat(fx.ledgerEntries("CAPACITY_CHANGE_REQUESTED")).isEqualTo(requested + 1);

        // the requester cannot approve their own request
        Api.Response self = api.post("/api/capacity-requests/" + id + "/approve", "direccion", "{}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(capacity(cell)).isEqualTo(4);
        assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved);

        Api.Response ok = api.post("/api/capacity-requests/" + id + "/approve", "admin",
                Map.of("note", "Verificado en visita"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(ok.json().get("decidedBy").asString()).isEqualTo("admin");
        assertThat(capacity(cell)).isEqualTo(6);
        assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved + 1);

        // decided once only
        assertThat(api.post("/api/capacity-requests/" + id + "/reject", "direccion", "{}").status()).isEqualTo(409);
    }

    @Test
    void anAccountTheRequesterOpenedDoesNotCountAsASecondOfficial() {
        long cell = fx.newCell("CECOT", 4);
        // the administrator opens a second account for themselves...
        String second = fx.account("admin-segunda", "ADMIN");
        long id = api.post("/api/locations/" + cell + "/capacity-requests", "admin",
                Map.of("requestedCapacity", 5, "reason", "Litera adicional")).json().get("id").asLong();
        long approved = fx.ledgerEntries("CAPACITY_CHANGE_APPROVED");
        // ...and cannot approve their own request with it
        Api.Response self = api.post("/api/capacity-requests/" + id + "/approve", second, "{}");
        assertThat(self.status()).as(self.body()).isEqualTo(409);
        assertThat(capacity(cell)).isEqualTo(4);
        assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved);
        // a different person can
        assertThat(api.post("/api/capacity-requests/" + id + "/approve", "direccion", "{}").status()).isEqualTo(200);
        assertThat(capacity(cell)).isEqualTo(5);
    }

    @Test
    void neverBelowTheCurrentPopulation() {
        long cell = fx.newCell("CECOT", 3);
        fx.admit("CECOT", cell);
        fx.admit("CECOT", cell);
        long entries = fx.ledgerEntries();

        Api.Response tooLow = api.post("/api/locations/" + cell + "/capacity-requests", "direccion",
                Map.of("requestedCapacity", 1, "reason", "Reducción"));
        assertThat(tooLow.status()).isEqualTo(409);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);

        // requested when it fitted; by approval time the cell has filled up
        Api.Response r = api.post("/api/locations/" + cell + "/capacity-requests", "direccion",
                Map.of("requestedCapacity", 2, "reason", "Reducción por humedad"));
        assertThat(r.status()).isEqualTo(201);
        fx.admit("CECOT", cell);
        Api.Response late = api.post("/api/capacity-requests/" + r.json().get("id").asLong() + "/approve", "admin",
                "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("holds 3");
        assertThat(capacity(cell)).isEqualTo(3);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        long cell = fx.newCell("CECOT", 3);
        long entries = fx.ledgerEntries();
        for (String body : new String[] {"{}", "{\"requestedCapacity\":-1,\"reason\":\"x\"}",
                "{\"requestedCapacity\":5}", "{\"requestedCapacity\":\"cinco\",\"reason\":\"x\"}", "not json"}) {
            Api.Response r = api.post("/api/locations/" + cell + "/capacity-requests", "direccion", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
        }
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(capacity(cell)).isEqualTo(3);
        JsonNode list = api.get("/api/capacity-requests", "inspector").json();
        assertThat(list.values()).noneMatch(n -> n.get("locationId").asLong() == cell);
    }
}
