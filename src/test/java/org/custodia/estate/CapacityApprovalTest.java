package org.custodia.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Certified capacity changes need a second official and never go below the people in the cell. */
class CapacityApprovalTest extends ServiceTest {

    int capacity(long cell) {
        return db.sql("select certified_capacity from location where id = ?").param(cell).query(Integer.class).single();
    }

    Api.Response request(long cell, String user, int capacity) {
        return api.post("/api/locations/" + cell + "/capacity-requests", user,
                Map.of("requestedCapacity", capacity, "reason", "Litera adicional instalada"));
    }

    long requested(long cell, String user, int capacity) {
        Api.Response r = request(cell, user, capacity);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Api.Response approve(long id, String user) {
        return api.post("/api/capacity-requests/" + id + "/approve", user, Map.of("note", "Verificado en visita"));
    }

    /** {@code POST /api/locations/{id}/capacity-requests} */
    @Nested
    class Request {
        @Test
        void unauthenticatedIs401AndChangesNothing() {
            long cell = fx.newCell("CECOT", 4);
            long entries = fx.ledgerEntries();
            assertThat(request(cell, null, 6).status()).isEqualTo(401);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void custodyStaffMayNotRequestIt() {
            long cell = fx.newCell("CECOT", 4);
            long entries = fx.ledgerEntries();
            assertThat(request(cell, "oficial", 6).status()).isEqualTo(403);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aCommanderOfAnotherFacilityDoesNotSeeTheCell() {
            long cell = fx.newCell("CECOT", 4);
            String elsewhere = fx.account("mando-" + fx.otherFacility().toLowerCase(), "COMMAND", fx.otherFacility());
            long entries = fx.ledgerEntries();
            assertThat(request(cell, elsewhere, 6).status()).isEqualTo(404);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void eachMalformedBodyIs400AndChangesNothing() {
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

        @Test
        void belowThePeopleInTheCellIs409() {
            long cell = fx.newCell("CECOT", 3);
            fx.admit("CECOT", cell);
            fx.admit("CECOT", cell);
            long entries = fx.ledgerEntries();
            assertThat(request(cell, "direccion", 1).status()).isEqualTo(409);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aRequestIsPendingChangesNoCapacityAndIsInTheLedger() {
            long cell = fx.newCell("CECOT", 4);
            long requested = fx.ledgerEntries("CAPACITY_CHANGE_REQUESTED");
            Api.Response r = request(cell, "direccion", 6);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("status").asString()).isEqualTo("PENDING");
            assertThat(capacity(cell)).isEqualTo(4);
            assertThat(fx.ledgerEntries("CAPACITY_CHANGE_REQUESTED")).isEqualTo(requested + 1);
        }
    }

    /** {@code POST /api/capacity-requests/{id}/approve} */
    @Nested
    class Approve {
        @Test
        void theRequesterCannotApproveTheirOwnRequest() {
            long cell = fx.newCell("CECOT", 4);
            long id = requested(cell, "direccion", 6);
            long approved = fx.ledgerEntries("CAPACITY_CHANGE_APPROVED");
            assertThat(approve(id, "direccion").status()).isEqualTo(409);
            assertThat(capacity(cell)).isEqualTo(4);
            assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved);
        }

        @Test
        void anAccountTheRequesterOpenedDoesNotCountAsASecondOfficial() {
            long cell = fx.newCell("CECOT", 4);
            // the administrator opens a second account for themselves...
            String second = fx.account("admin-segunda", "ADMIN");
            long id = requested(cell, "admin", 5);
            long approved = fx.ledgerEntries("CAPACITY_CHANGE_APPROVED");
            // ...and cannot approve their own request with it
            Api.Response self = approve(id, second);
            assertThat(self.status()).as(self.body()).isEqualTo(409);
            assertThat(self.json().get("code").asString()).isEqualTo("second-official-required");
            assertThat(capacity(cell)).isEqualTo(4);
            assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved);
        }

        @Test
        void anotherOfficialApprovesTheCapacityChangesAndTheApprovalIsInTheLedger() {
            long cell = fx.newCell("CECOT", 4);
            long id = requested(cell, "direccion", 6);
            long approved = fx.ledgerEntries("CAPACITY_CHANGE_APPROVED");
            Api.Response ok = approve(id, "admin");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("status").asString()).isEqualTo("APPROVED");
            assertThat(ok.json().get("decidedBy").asString()).isEqualTo("admin");
            assertThat(capacity(cell)).isEqualTo(6);
            assertThat(fx.ledgerEntries("CAPACITY_CHANGE_APPROVED")).isEqualTo(approved + 1);
        }

        @Test
        void aDecidedRequestIsNotDecidedAgain() {
            long cell = fx.newCell("CECOT", 4);
            long id = requested(cell, "direccion", 6);
            assertThat(approve(id, "admin").status()).isEqualTo(200);
            assertThat(api.post("/api/capacity-requests/" + id + "/reject", "direccion", "{}").status())
                    .isEqualTo(409);
            assertThat(capacity(cell)).isEqualTo(6);
        }

        @Test
        void aCellThatFilledUpSinceTheRequestIsNotReducedBelowItsPeople() {
            long cell = fx.newCell("CECOT", 3);
            fx.admit("CECOT", cell);
            fx.admit("CECOT", cell);
            long id = requested(cell, "direccion", 2);
            fx.admit("CECOT", cell);
            Api.Response late = approve(id, "admin");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().get("detail").asString()).contains("holds 3");
            assertThat(capacity(cell)).isEqualTo(3);
        }
    }
}
