package org.custodia.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.platform.BulkCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes entries at the end of the caller's transaction. Entries appended during a transaction are buffered; just
 * before commit each chain's head row is locked (FOR UPDATE, chains in name order so two transactions never wait on
 * each other in a cycle), the entries are numbered, hashed and inserted in one batch, and the head moves on. The
 * lock is held only for that last step, so a 10,000-person batch chains in one short critical section, and
 * facilities, having their own chains, never wait on each other. If the transaction rolls back, nothing is written.
 * A transaction that appends more than {@value #FLUSH_AT} entries (taking on a whole population) has them written as
 * it goes, holding its chains' heads from then on, so that its entries are not all kept in memory until the commit.
 * Entries are written with COPY, each with its queryable columns ({@link LedgerColumns}), which verification checks
 * against the text; a population's entries are made ready on a thread of their own while they are written
 * ({@link PreparedEntries}).
 */
@Component
class LedgerWriter {
    private static final Object KEY = new Object();
    static final int FLUSH_AT = 20_000;
    private final JdbcTemplate jdbc;
    private final BulkCopy bulk;
    private final Clock clock;

    LedgerWriter(JdbcTemplate jdbc, BulkCopy bulk, Clock clock) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.clock = clock;
    }

    void append(List<LedgerEvent> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ledger entries are written only inside the transaction of the change");
        }
        @SuppressWarnings("unchecked")
        List<LedgerEvent> pending = (List<LedgerEvent>) TransactionSynchronizationManager.getResource(KEY);
        if (pending == null) {
            List<LedgerEvent> buffer = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(KEY, buffer);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writeEntries(buffer);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            pending = buffer;
        }
        pending.addAll(events);
        if (pending.size() >= FLUSH_AT) {
            writeEntries(pending);
            pending.clear();
        }
    }

    private void writeEntries(List<LedgerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, List<LedgerEvent>> byChain = new TreeMap<>();
        for (LedgerEvent e : events) {
            byChain.computeIfAbsent(e.chain(), k -> new ArrayList<>()).add(e);
        }
        byChain.forEach((chain, list) -> {
            jdbc.update("insert into ledger_head (chain, seq, hash) values (?, 0, ?) on conflict do nothing",
                    chain, ChainHash.GENESIS);
            Map<String, Object> head = jdbc.queryForMap(
                    "select seq, hash from ledger_head where chain = ? for update", chain);
            long first = ((Number) head.get("seq")).longValue();
            String[] last = {(String) head.get("hash")};
            bulk.copy("copy ledger_entry (chain, seq, prev_hash, hash, canonical, event_type, person_id, actor, "
                    + "actor_roles, occurred_at, recorded_at) from stdin", rows ->
                    last[0] = PreparedEntries.each(list, first, last[0], recordedAt, e -> {
                        LedgerColumns c = e.columns();
                        rows.row(chain, e.seq(), e.prevHash(), e.hash(), e.canonical(), c.type(), c.personId(),
                                c.actor(), c.actorRoles(), c.occurredAt(), c.recordedAt());
                    }));
            jdbc.update("update ledger_head set seq = ?, hash = ? where chain = ?", first + list.size(), last[0],
                    chain);
        });
    }

    static Map<String, Object> canonicalMap(LedgerEvent e, long seq, Instant recordedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actor", e.actor().account());
        m.put("actorRoles", e.actor().roles());
        m.put("chain", e.chain());
        m.put("occurredAt", e.occurredAt().truncatedTo(ChronoUnit.MICROS));
        m.put("payload", e.payload());
        m.put("person", e.personId());
        m.put("recordedAt", recordedAt);
        m.put("seq", seq);
        m.put("type", e.type());
        return m;
    }
}
