package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Transfers between facilities: dispatched, in transit (still counted), received; both ends in the ledger. */
class TransferTest extends ServiceTest {

    /** People received elsewhere are released again, so the receiving facility keeps the figures the demo gave it. */
    private void release(long person) {
        Api.Response r = api.post("/api/people/" + person + "/release", "direccion",
                Map.of("basis", "COURT_ORDER", "reference", "Orden de libertad 77/2026"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void someoneReleasedWhileInTransitCannotBeReceivedAndNothingChanges() {
        long person = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
        String other = fx.otherFacility();
        long id = api.post("/api/transfers", "registro", Map.of("personId", person, "toFacility", other,
                "authorityReference", "Resolución DGCP-2026-120", "reason", "Acercamiento familiar"))
                .json().get("id").asLong();
        release(person);
        long entries = fx.ledgerEntries();

        Api.Response r = api.post("/api/transfers/" + id + "/receive", "direccion",
                "{\"orderReference\":\"Resolución DGCP-2026-120\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("not-in-custody");
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void aTransferIsDispatchedCountedInTransitAndReceivedWithBothEndsInTheLedger() {
        long person = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
        String other = fx.otherFacility();
        Map<String, Object> order = Map.of("personId", person, "toFacility", other,
                "authorityReference", "Resolución DGCP-2026-118", "reason", "Acercamiento familiar");
        // a custody officer alone does not send someone to another facility
        assertThat(api.post("/api/transfers", "oficial", order).status()).isEqualTo(403);
        Api.Response d = api.post("/api/transfers", "registro", order);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        assertThat(d.json().get("status").asString()).isEqualTo("IN_TRANSIT");
        long id = d.json().get("id").asLong();
        assertThat(db.sql("select l.kind from booking b join location l on l.id = b.location_id "
                + "where b.person_id = ? and b.released_at is null").param(person).query(String.class).single())
                .isEqualTo("TRANSIT");
        assertThat(api.post("/api/transfers", "registro", Map.of("personId", person, "toFacility", other,
                "authorityReference", "x", "reason", "y")).status()).isEqualTo(409);
        String receipt = "{\"orderReference\":\"Resolución DGCP-2026-118\"}";
        // the receiving side is outside the CECOT records officer's scope
        assertThat(api.post("/api/transfers/" + id + "/receive", "registro", receipt).status()).isEqualTo(404);
        assertThat(api.post("/api/transfers/" + id + "/receive", "oficial", receipt).status()).isEqualTo(403);
        // received only on the order it was sent on
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/transfers/" + id + "/receive", "direccion", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/transfers/" + id + "/receive", "direccion",
                "{\"orderReference\":\"Resolución DGCP-2026-999\"}").status()).isEqualTo(400);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);

        Api.Response r = api.post("/api/transfers/" + id + "/receive", "direccion", receipt);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(db.sql("select facility_code from booking where person_id = ? and released_at is null")
                .param(person).query(String.class).single()).isEqualTo(other);
        assertThat(db.sql("select chain from ledger_entry where person_id = ? and event_type = 'TRANSFER_DISPATCHED'")
                .param(person).query(String.class).single()).isEqualTo("CECOT");
        assertThat(db.sql("select chain from ledger_entry where person_id = ? and event_type = 'TRANSFER_RECEIVED'")
                .param(person).query(String.class).single()).isEqualTo(other);
        assertThat(api.post("/api/transfers/" + id + "/receive", "direccion", receipt).status()).isEqualTo(409);
        release(person);
    }

    @Test
    void aFacilityLevelNonAssociationBlocksTheTransferAndBadInputChangesNothing() {
        long person = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
        long witness = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
        String other = fx.otherFacility();
        long entries = fx.ledgerEntries();
        assertThat(api.post("/api/transfers", "registro", Map.of("personId", person)).status()).isEqualTo(400);
        assertThat(api.post("/api/transfers", "registro", Map.of("personId", person, "toFacility", "CECOT",
                "authorityReference", "R-1", "reason", "x")).status()).isEqualTo(400);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        // the witness goes first; the person may then not follow to the same facility
        long first = api.post("/api/transfers", "registro", Map.of("personId", witness, "toFacility", other,
                "authorityReference", "R-2", "reason", "Protección de testigo")).json().get("id").asLong();
        assertThat(api.post("/api/transfers/" + first + "/receive", "direccion",
                Map.of("orderReference", "R-2")).status()).isEqualTo(200);
        // registro (CECOT) no longer sees the witness; national command records the non-association
        assertThat(api.post("/api/non-associations", "registro", Map.of("personA", person, "personB", witness,
                "level", "FACILITY", "kind", "INFORMANT", "reason", "Testigo protegido")).status()).isEqualTo(404);
        assertThat(api.post("/api/non-associations", "direccion", Map.of("personA", person, "personB", witness,
                "level", "FACILITY", "kind", "INFORMANT", "reason", "Testigo protegido")).status()).isEqualTo(201);
        long before = fx.ledgerEntries();
        Api.Response blocked = api.post("/api/transfers", "direccion", Map.of("personId", person, "toFacility",
                other, "authorityReference", "R-3", "reason", "x"));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.body()).contains("non-association with person " + witness);
        assertThat(fx.ledgerEntries()).isEqualTo(before);
        release(witness);
    }
}
