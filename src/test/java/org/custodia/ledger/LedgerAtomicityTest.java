package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Each custody change writes exactly one ledger entry in its own transaction; a failed change writes none. */
class LedgerAtomicityTest extends ServiceTest {
    @Autowired
    LedgerService ledger;
    @Autowired
    TransactionTemplate tx;


    @Test
    void admissionMoveAndReleaseEachWriteExactlyOneEntry() {
        long cellA = fx.newCell("CECOT", 5);
        long cellB = fx.newCell("CECOT", 5);
        long before = fx.ledgerEntries();
        JsonNode p = fx.admit("CECOT", cellA);
        long id = p.get("id").asLong();
        assertThat(fx.ledgerEntries()).isEqualTo(before + 1);
        assertThat(historyTypes(id)).containsExactly("PERSON_ADMITTED");

        Api.Response moved = api.post("/api/moves", "oficial",
                Map.of("personId", id, "toLocationId", cellB, "reason", "Reubicación por separación"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(fx.ledgerEntries()).isEqualTo(before + 2);
        assertThat(fx.population(cellA)).isZero();
        assertThat(fx.population(cellB)).isEqualTo(1);

        Api.Response released = api.post("/api/people/" + id + "/release", "registro",
                Map.of("basis", "COURT_ORDER", "reference", "Resolución JEI-A 2026/77"));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(fx.ledgerEntries()).isEqualTo(before + 3);
        assertThat(fx.population(cellB)).isZero();
        assertThat(historyTypes(id)).containsExactly("PERSON_ADMITTED", "PERSON_MOVED", "PERSON_RELEASED");
        JsonNode last = api.get("/api/people/" + id + "/history", "direccion").json().get(2);
        assertThat(last.get("actor").asString()).isEqualTo("registro");
        assertThat(last.get("actorRoles").asString()).isEqualTo("RECORDS");
    }

    @Test
    void refusedChangesWriteNothing() {
        long cell = fx.newCell("CECOT", 1);
        long id = fx.admit("CECOT", cell).get("id").asLong();
        long entries = fx.ledgerEntries();
        long people = fx.people();

        // the cell is full: the admission is refused and leaves no trace
        Api.Response full = api.post("/api/people", "registro",
                Fixtures.admission("CECOT", cell, "María José", "Hernández", "Ayala"));
        assertThat(full.status()).isEqualTo(409);
        // releasing twice: the second is refused
        assertThat(api.post("/api/people/" + id + "/release", "registro",
                Map.of("basis", "ACQUITTAL", "reference", "Sentencia absolutoria 12/2026")).status()).isEqualTo(200);
        entries++;
        assertThat(api.post("/api/people/" + id + "/release", "registro",
                Map.of("basis", "ACQUITTAL", "reference", "Sentencia absolutoria 12/2026")).status()).isEqualTo(409);
        // moving someone not in custody
        assertThat(api.post("/api/moves", "oficial",
                Map.of("personId", id, "toLocationId", cell, "reason", "x")).status()).isEqualTo(409);

        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.people()).isEqualTo(people);
        assertThat(fx.population(cell)).isZero();
    }

    @Test
    void aTransactionThatFailsAfterAppendingWritesNoEntry() {
        long entries = fx.ledgerEntries();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            ledger.append(new LedgerEvent("CECOT", null, "TEST_EVENT", Map.of("n", 1), Actor.SYSTEM, Instant.now()));
            throw new IllegalStateException("the change fails after its entry was appended");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.ledgerEntries("TEST_EVENT")).isZero();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> ledger.append(new LedgerEvent("CECOT", null, "TEST_EVENT", Map.of(), Actor.SYSTEM,
                Instant.now()))).isInstanceOf(RuntimeException.class);
        assertThat(fx.ledgerEntries("TEST_EVENT")).isZero();
    }

    private java.util.List<String> historyTypes(long id) {
        Api.Response r = api.get("/api/people/" + id + "/history", "direccion");
        assertThat(r.status()).isEqualTo(200);
        return r.json().values().stream().map(n -> n.get("type").asString()).toList();
    }
}
