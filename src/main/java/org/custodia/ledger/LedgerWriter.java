package org.custodia.ledger;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 */
@Component
class LedgerWriter {
    private static final Object KEY = new Object();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LedgerWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        ChainHash hasher = new ChainHash();
        byChain.forEach((chain, list) -> {
            jdbc.update("insert into ledger_head (chain, seq, hash) values (?, 0, ?) on conflict do nothing",
                    chain, ChainHash.GENESIS);
            Map<String, Object> head = jdbc.queryForMap(
                    "select seq, hash from ledger_head where chain = ? for update", chain);
            long seq = ((Number) head.get("seq")).longValue();
            String prev = (String) head.get("hash");
            List<Object[]> rows = new ArrayList<>(list.size());
            for (LedgerEvent e : list) {
                seq++;
                String canonical = CanonicalJson.write(canonicalMap(e, seq, recordedAt));
                String hash = hasher.next(prev, canonical);
                rows.add(new Object[] {chain, seq, prev, hash, canonical});
                prev = hash;
            }
            jdbc.batchUpdate("insert into ledger_entry (chain, seq, prev_hash, hash, canonical) values (?, ?, ?, ?, ?)",
                    rows, 2000, (PreparedStatement ps, Object[] r) -> {
                        ps.setString(1, (String) r[0]);
                        ps.setLong(2, (Long) r[1]);
                        ps.setString(3, (String) r[2]);
                        ps.setString(4, (String) r[3]);
                        ps.setString(5, (String) r[4]);
                    });
            jdbc.update("update ledger_head set seq = ?, hash = ? where chain = ?", seq, prev, chain);
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
