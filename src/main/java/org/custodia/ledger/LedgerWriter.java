package org.custodia.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * against the text; a population's entries are made ready on a thread of their own ({@link PreparedEntries}): the
 * first {@value #FLUSH_AT} while they are written, the later ones as they are appended ({@link Pending}).
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
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(KEY);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.writeAll();
                }

                @Override
                public void afterCompletion(int status) {
                    created.close();
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            pending = created;
        }
        pending.add(events);
    }

    /**
     * What a transaction has appended and not yet written. Entries of a chain whose head it already holds (after its
     * first {@value #FLUSH_AT} entries) are numbered and chained as they are appended, on a thread of its own, while
     * the transaction goes on with its other work (a population's rows): by the time they are written they are ready,
     * and writing them waits only for the database (made ready while being written, as the first ones still are, they
     * kept PostgreSQL waiting for half of that time).
     */
    private final class Pending {
        private final List<LedgerEvent> unheld = new ArrayList<>();
        private final Map<String, Held> held = new TreeMap<>();
        private ExecutorService ahead;
        private int readyToWrite;

        void add(List<LedgerEvent> events) {
            Map<String, List<LedgerEvent>> ofHeld = new TreeMap<>();
            for (LedgerEvent e : events) {
                if (held.containsKey(e.chain())) {
                    ofHeld.computeIfAbsent(e.chain(), k -> new ArrayList<>()).add(e);
                } else {
                    unheld.add(e);
                }
            }
            if (!ofHeld.isEmpty()) {
                Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                ofHeld.forEach((chain, list) -> held.get(chain).prepare(list, recordedAt));
                readyToWrite += ofHeld.values().stream().mapToInt(List::size).sum();
            }
            if (unheld.size() >= FLUSH_AT) {
                writeUnheld();
            }
            if (readyToWrite >= FLUSH_AT) {
                writeHeld();
            }
        }

        void writeAll() {
            writeUnheld();
            writeHeld();
        }

        /** Locks the heads of the chains not yet held, writes their entries, and holds them from then on. */
        private void writeUnheld() {
            if (unheld.isEmpty()) {
                return;
            }
            writeEntries(unheld).forEach((chain, head) -> held.put(chain, new Held(chain, head)));
            unheld.clear();
        }

        private void writeHeld() {
            for (Held h : held.values()) {
                h.write();
            }
            readyToWrite = 0;
        }

        void close() {
            if (ahead != null) {
                ahead.shutdownNow();
            }
        }

        /** A chain whose head this transaction holds: its entries made ready in order, and what is written. */
        private final class Held {
            private final String chain;
            private final List<Future<List<PreparedEntries.Entry>>> ready = new ArrayList<>();
            private long preparedSeq;       // set here, then touched on the preparing thread only
            private String preparedHash;

            Held(String chain, Head head) {
                this.chain = chain;
                this.preparedSeq = head.seq();
                this.preparedHash = head.hash();
            }

            void prepare(List<LedgerEvent> events, Instant recordedAt) {
                if (ahead == null) {
                    ahead = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("ledger-entries")
                            .factory());
                }
                ready.add(ahead.submit(() -> {
                    List<PreparedEntries.Entry> entries = PreparedEntries.list(events, preparedSeq, preparedHash,
                            recordedAt);
                    if (entries.size() != events.size()) {
                        throw new IllegalStateException("interrupted while making ledger entries ready");
                    }
                    preparedSeq += entries.size();
                    preparedHash = entries.getLast().hash();
                    return entries;
                }));
            }

            /** Writes the entries made ready so far and moves the head to the last of them. */
            void write() {
                if (ready.isEmpty()) {
                    return;
                }
                PreparedEntries.Entry[] last = {null};
                copy(rows -> {
                    for (Future<List<PreparedEntries.Entry>> f : ready) {
                        for (PreparedEntries.Entry e : done(f)) {
                            row(rows, chain, e);
                            last[0] = e;
                        }
                    }
                });
                ready.clear();
                jdbc.update("update ledger_head set seq = ?, hash = ? where chain = ?", last[0].seq(),
                        last[0].hash(), chain);
            }
        }
    }

    private static List<PreparedEntries.Entry> done(Future<List<PreparedEntries.Entry>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing ledger entries", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A chain's head: its last entry's number and hash. */
    private record Head(long seq, String hash) {
    }

    /** Writes the entries under their chains' heads, locked; returns each chain's new head. */
    private Map<String, Head> writeEntries(List<LedgerEvent> events) {
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, List<LedgerEvent>> byChain = new TreeMap<>();
        for (LedgerEvent e : events) {
            byChain.computeIfAbsent(e.chain(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Head> heads = new TreeMap<>();
        byChain.forEach((chain, list) -> {
            jdbc.update("insert into ledger_head (chain, seq, hash) values (?, 0, ?) on conflict do nothing",
                    chain, ChainHash.GENESIS);
            Map<String, Object> head = jdbc.queryForMap(
                    "select seq, hash from ledger_head where chain = ? for update", chain);
            long first = ((Number) head.get("seq")).longValue();
            String[] last = {(String) head.get("hash")};
            copy(rows -> last[0] = PreparedEntries.each(list, first, last[0], recordedAt,
                    e -> row(rows, chain, e)));
            jdbc.update("update ledger_head set seq = ?, hash = ? where chain = ?", first + list.size(), last[0],
                    chain);
            heads.put(chain, new Head(first + list.size(), last[0]));
        });
        return heads;
    }

    private void copy(BulkCopy.Rows rows) {
        bulk.copy("copy ledger_entry (chain, seq, prev_hash, hash, canonical, event_type, person_id, actor, "
                + "actor_roles, occurred_at, recorded_at) from stdin", rows);
    }

    private static void row(BulkCopy.RowSink rows, String chain, PreparedEntries.Entry e) {
        LedgerColumns c = e.columns();
        rows.row(chain, e.seq(), e.prevHash(), e.hash(), e.canonical(), c.type(), c.personId(), c.actor(),
                c.actorRoles(), c.occurredAt(), c.recordedAt());
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
