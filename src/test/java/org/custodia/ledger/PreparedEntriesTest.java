package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A population's entries made ready on a thread of their own are the entries the writing thread would make. */
class PreparedEntriesTest {
    static final Instant AT = Instant.parse("2026-11-30T10:00:00.123456Z");

    static List<LedgerEvent> events(int n) {
        List<LedgerEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LedgerEvent("CECOT", (long) i, "CUSTODY_TAKEN_ON", Map.of("booking", "CECOT-2024-" + i,
                    "nota", "Peña \"el Toro\"\n" + i), Actor.SYSTEM, AT.minusSeconds(i)));
        }
        return out;
    }

    /** What the writer did before: each entry numbered, written and chained on the writing thread. */
    static List<PreparedEntries.Entry> oneByOne(List<LedgerEvent> events, long first, String prev) {
        List<PreparedEntries.Entry> out = new ArrayList<>();
        ChainHash hasher = new ChainHash();
        String chained = prev;
        long n = first;
        for (LedgerEvent e : events) {
            n++;
            String canonical = CanonicalJson.write(LedgerWriter.canonicalMap(e, n, AT));
            String hash = hasher.next(chained, canonical);
            out.add(new PreparedEntries.Entry(n, chained, hash, canonical,
                    LedgerColumns.of(e, e.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), AT)));
            chained = hash;
        }
        return out;
    }

    @Test
    void aPopulationsEntriesAreTheEntriesWrittenOneByOne() {
        List<LedgerEvent> events = events(PreparedEntries.PIPELINE_FROM * 2 + 7);
        List<PreparedEntries.Entry> got = new ArrayList<>();
        String last = PreparedEntries.each(events, 41, "ab".repeat(32), AT, got::add);
        List<PreparedEntries.Entry> expected = oneByOne(events, 41, "ab".repeat(32));
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(last).isEqualTo(expected.getLast().hash());
    }

    @Test
    void aFewEntriesAreMadeOnTheWritingThreadTheSameWay() {
        List<LedgerEvent> events = events(3);
        List<PreparedEntries.Entry> got = new ArrayList<>();
        String last = PreparedEntries.each(events, 0, ChainHash.GENESIS, AT, got::add);
        assertThat(got).containsExactlyElementsOf(oneByOne(events, 0, ChainHash.GENESIS));
        assertThat(last).isEqualTo(got.getLast().hash());
        assertThat(PreparedEntries.each(List.of(), 5, "x", AT, e -> { })).isEqualTo("x");
    }

    /** A COPY that fails stops the preparing thread: nothing waits forever, the failure is the caller's. */
    @Test
    void aWriterThatFailsStopsThePreparation() {
        List<LedgerEvent> events = events(PreparedEntries.PIPELINE_FROM * 20);
        int[] seen = {0};
        assertThatThrownBy(() -> PreparedEntries.each(events, 0, ChainHash.GENESIS, AT, e -> {
            if (++seen[0] == 1000) {
                throw new IllegalStateException("the copy failed");
            }
        })).hasMessage("the copy failed");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.getName().equals("ledger-entries") && t.isAlive()));
    }

    /** An entry that cannot be written (a value with no canonical form) fails the caller, as it did inline. */
    @Test
    void anEntryThatCannotBeMadeFailsTheCaller() {
        List<LedgerEvent> events = new ArrayList<>(events(PreparedEntries.PIPELINE_FROM + 10));
        events.set(PreparedEntries.PIPELINE_FROM, new LedgerEvent("CECOT", 1L, "BROKEN", Map.of("amount", 1.5),
                Actor.SYSTEM, AT));
        assertThatThrownBy(() -> PreparedEntries.each(events, 0, ChainHash.GENESIS, AT, e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floating-point");
    }
}
