package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** COPY stores exactly what it was given, refuses as the database refuses, and writes nothing outside a transaction. */
@IntegrationTest
class BulkCopyTest {
    @Autowired
    BulkCopy bulk;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    static final List<String> TEXTS = List.of("", "Peña Nieto, \"El Chapo\"", "línea\nnueva\r\ny tab\t", "\\N",
            "NULL", "María José Ñúñez Güell", "😀 fuera del plano básico", ",", "\"");

    void probe() {
        db.sql("create temp table bulk_probe (n bigint primary key, t text, d date, at timestamptz, ok boolean) "
                + "on commit drop").update();
    }

    @Test
    void textsNullsDatesAndInstantsRoundTripExactly() {
        Instant at = Instant.parse("2024-02-29T23:59:59.123456Z");
        List<String> back = tx.execute(s -> {
            probe();
            long n = bulk.copy("copy bulk_probe (n, t, d, at, ok) from stdin", rows -> {
                for (int i = 0; i < TEXTS.size(); i++) {
                    rows.row(i, TEXTS.get(i), LocalDate.of(1900 + i, 1, 1), at, i % 2 == 0);
                }
                rows.row(100, null, null, null, null);
            });
            assertThat(n).isEqualTo(TEXTS.size() + 1);
            assertThat(db.sql("select count(*) from bulk_probe where n = 100 and t is null and d is null "
                    + "and at is null and ok is null").query(Long.class).single()).isEqualTo(1);
            assertThat(db.sql("select count(*) from bulk_probe where n < 100 and at = ?::timestamptz")
                    .param(at.toString()).query(Long.class).single()).isEqualTo(TEXTS.size());
            assertThat(db.sql("select d from bulk_probe where n = 3").query(LocalDate.class).single())
                    .isEqualTo(LocalDate.of(1903, 1, 1));
            return db.sql("select t from bulk_probe where n < 100 order by n").query(String.class).list();
        });
        assertThat(back).containsExactlyElementsOf(TEXTS);
    }

    @Test
    void aRowTheDatabaseRefusesIsAnIntegrityViolationAndTheTransactionGoesOn() {
        tx.executeWithoutResult(s -> {
            probe();
            db.sql("savepoint before").update();
            assertThatThrownBy(() -> bulk.copy("copy bulk_probe (n, t) from stdin", rows -> {
                rows.row(1, "a");
                rows.row(1, "b");
            })).isInstanceOf(DataIntegrityViolationException.class);
            db.sql("rollback to savepoint before").update();
            assertThat(db.sql("select count(*) from bulk_probe").query(Long.class).single()).isZero();
        });
    }

    @Test
    void aFailureWhileProducingRowsCancelsTheCopyAndTheConnectionStaysUsable() {
        tx.executeWithoutResult(s -> {
            probe();
            db.sql("savepoint before").update();
            assertThatThrownBy(() -> bulk.copy("copy bulk_probe (n, t) from stdin", rows -> {
                rows.row(1, "a");
                throw new IllegalStateException("the source failed");
            })).isInstanceOf(IllegalStateException.class);
            db.sql("rollback to savepoint before").update();
            assertThat(db.sql("select count(*) from bulk_probe").query(Long.class).single()).isZero();
        });
    }

    @Test
    void nextIdsAreDistinctAndTheSequenceGoesOnAfterThem() {
        long[] ids = tx.execute(s -> bulk.nextIds("person", 500));
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        long next = db.sql("select nextval(pg_get_serial_sequence('person', 'id'))").query(Long.class).single();
        assertThat(next).isGreaterThan(java.util.Arrays.stream(ids).max().orElseThrow());
    }

    @Test
    void outsideATransactionNothingIsWritten() {
        assertThatThrownBy(() -> bulk.copy("copy bulk_probe (n) from stdin", rows -> rows.row(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
