package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that appends more than {@link LedgerWriter#FLUSH_AT} entries (a population taken on) writes them as
 * it goes, and those of chains whose heads it already holds are made ready ahead, on a thread of their own: the
 * chains come out exactly as if every entry had been written at the commit, in the order appended; a transaction
 * that fails after writing some leaves none of them.
 */
class LargeTransactionTest extends ServiceTest {
    private static final int BATCH = 4_000;

    @Autowired
    LedgerService ledger;
    @Autowired
    TransactionTemplate tx;

    private static List<LedgerEvent> batch(String chain, int from, int n) {
        List<LedgerEvent> out = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            out.add(new LedgerEvent(chain, null, "TEST_BULK", Map.of("n", i, "nota", "Peña \"el Toro\" " + i),
                    Actor.SYSTEM, Instant.parse("2026-11-30T10:00:00Z").plusSeconds(i)));
        }
        return out;
    }

    private List<Long> numbersInOrder(String chain) {
        return db.sql("select (canonical::jsonb -> 'payload' ->> 'n')::bigint from ledger_entry "
                + "where chain = ? and event_type = 'TEST_BULK' order by seq").param(chain).query(Long.class).list();
    }

    private long head(String chain) {
        return db.sql("select coalesce(max(seq), 0) from ledger_head where chain = ?").param(chain)
                .query(Long.class).single();
    }

    @Test
    void entriesWrittenAsTheTransactionGoesAreChainedInTheOrderAppended() {
        String a = fx.newFacility(1, 1).code();
        String b = fx.newFacility(1, 1).code();
        String late = fx.newFacility(1, 1).code();
        long headA = head(a);
        long headB = head(b);
        int rounds = (LedgerWriter.FLUSH_AT * 2) / BATCH + 2;

        tx.executeWithoutResult(s -> {
            for (int r = 0; r < rounds; r++) {
                // two chains interleaved in every batch; a third appears only after the first entries were written
                List<LedgerEvent> mixed = new ArrayList<>(batch(a, r * BATCH, BATCH / 2));
                mixed.addAll(batch(b, r * BATCH, BATCH / 2));
                if (r >= rounds / 2) {
                    mixed.addAll(batch(late, r * 10, 10));
                }
                ledger.appendAll(mixed);
            }
        });

        List<Long> expectedA = new ArrayList<>();
        List<Long> expectedLate = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < BATCH / 2; i++) {
                expectedA.add((long) r * BATCH + i);
            }
            if (r >= rounds / 2) {
                for (int i = 0; i < 10; i++) {
                    expectedLate.add((long) r * 10 + i);
                }
            }
        }
        assertThat(numbersInOrder(a)).containsExactlyElementsOf(expectedA);
        assertThat(numbersInOrder(b)).containsExactlyElementsOf(expectedA);
        assertThat(numbersInOrder(late)).containsExactlyElementsOf(expectedLate);
        assertThat(head(a) - headA).isEqualTo((long) rounds * BATCH / 2);
        assertThat(head(b) - headB).isEqualTo((long) rounds * BATCH / 2);
        assertThat(ledger.verify().valid()).isTrue();
    }

    @Test
    void aLargeTransactionThatFailsLeavesNoneOfItsEntries() {
        String a = fx.newFacility(1, 1).code();
        long head = head(a);
        long entries = fx.ledgerEntries();

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            for (int r = 0; r < (LedgerWriter.FLUSH_AT * 3) / BATCH; r++) {
                ledger.appendAll(batch(a, r * BATCH, BATCH));
            }
            // an entry with no canonical form, made ready ahead: its failure is the transaction's
            ledger.append(new LedgerEvent(a, null, "TEST_BULK", Map.of("amount", 1.5), Actor.SYSTEM,
                    Instant.parse("2026-11-30T10:00:00Z")));
            ledger.appendAll(batch(a, 0, LedgerWriter.FLUSH_AT));
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floating-point");

        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(head(a)).isEqualTo(head);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("ledger-entries") && t.isAlive()));
    }
}
