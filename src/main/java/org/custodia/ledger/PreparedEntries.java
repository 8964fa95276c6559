package org.custodia.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The entries of one chain made ready to be written: numbered, their canonical text, chained hash and queryable
 * columns. Writing a population's entries was bound by this work on the writing thread (PostgreSQL kept up with the
 * COPY); from {@value #PIPELINE_FROM} entries on it runs on a thread of its own, a few chunks ahead of the COPY
 * that writes them, so the two share the cores. The work is the same either way and nothing here touches the
 * database.
 */
final class PreparedEntries {
    static final int PIPELINE_FROM = 2_000;
    private static final int CHUNK = 512;
    private static final Object END = new Object();

    /** One entry as it is written. */
    record Entry(long seq, String prevHash, String hash, String canonical, LedgerColumns columns) {
    }

    private PreparedEntries() {
    }

    /** Hands each entry to {@code sink} in order; returns the hash of the last one. */
    static String each(List<LedgerEvent> events, long first, String prevHash, Instant recordedAt,
                       Consumer<Entry> sink) {
        if (events.size() < PIPELINE_FROM) {
            String[] last = {prevHash};
            prepare(events, first, prevHash, recordedAt, chunk -> chunk.forEach(e -> {
                sink.accept(e);
                last[0] = e.hash();
            }), Math.max(1, events.size()));
            return last[0];
        }
        return pipelined(events, first, prevHash, recordedAt, sink);
    }

    /** The entries made ready on the calling thread, as a list (for entries made ready ahead of their writing). */
    static List<Entry> list(List<LedgerEvent> events, long first, String prevHash, Instant recordedAt) {
        List<Entry> out = new ArrayList<>(events.size());
        prepare(events, first, prevHash, recordedAt, out::addAll, Math.max(1, events.size()));
        return out;
    }

    private static String pipelined(List<LedgerEvent> events, long first, String prevHash, Instant recordedAt,
                                    Consumer<Entry> sink) {
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(8);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread producer = Thread.ofPlatform().daemon().name("ledger-entries").start(() -> {
            try {
                prepare(events, first, prevHash, recordedAt, chunk -> offer(ready, chunk, stopped), CHUNK);
                offer(ready, END, stopped);
            } catch (RuntimeException | Error e) {
                offer(ready, e, stopped);
            }
        });
        String last = prevHash;
        try {
            while (true) {
                Object next = ready.take();
                if (next == END) {
                    return last;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                List<Entry> chunk = (List<Entry>) next;
                for (Entry e : chunk) {
                    sink.accept(e);
                    last = e.hash();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing ledger entries", e);
        } finally {
            stopped.set(true);
            producer.interrupt();
        }
    }

    /** Puts a chunk for the writer, unless it has stopped reading (a failed COPY). */
    private static void offer(BlockingQueue<Object> ready, Object item, AtomicBoolean stopped) {
        try {
            while (!ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void prepare(List<LedgerEvent> events, long first, String prevHash, Instant recordedAt,
                                Consumer<List<Entry>> chunks, int chunkSize) {
        ChainHash hasher = new ChainHash();
        String chained = prevHash;
        long n = first;
        List<Entry> chunk = new ArrayList<>(chunkSize);
        for (LedgerEvent e : events) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            n++;
            String canonical = CanonicalJson.write(LedgerWriter.canonicalMap(e, n, recordedAt));
            String hash = hasher.next(chained, canonical);
            chunk.add(new Entry(n, chained, hash, canonical,
                    LedgerColumns.of(e, e.occurredAt().truncatedTo(ChronoUnit.MICROS), recordedAt)));
            chained = hash;
            if (chunk.size() == chunkSize) {
                chunks.accept(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.accept(chunk);
        }
    }
}
