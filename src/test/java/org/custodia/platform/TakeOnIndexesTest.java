package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V38: a take-on into empty tables drops their secondary indexes and foreign keys and builds them again after its
 * rows, in its transaction. Every test rolls back: the tables it empties are the demo's.
 */
class TakeOnIndexesTest extends ServiceTest {
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TakeOnIndexes takeOnIndexes;

    /** Every index and foreign key of a table, as PostgreSQL would create it. */
    private Set<String> definitions(String table) {
        Set<String> out = new TreeSet<>(db.sql("select pg_get_indexdef(indexrelid) from pg_index where indrelid = ?::regclass")
                .param(table).query(String.class).list());
        out.addAll(db.sql("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint "
                + "where conrelid = ?::regclass and contype = 'f'").param(table).query(String.class).list());
        return out;
    }

    private int defer(String... tables) {
        return db.sql("select custodia_take_on_defer(?)").param(tables).query(Integer.class).single();
    }

    /** Every test rolls back what it did to the demo's tables. */
    private void rolledBack(Runnable body) {
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            body.run();
        });
    }

    /** The aliases emptied and their table's foreign key dropped, in the test's transaction. */
    private void aliasesDeferred() {
        db.sql("delete from person_alias").update();
        assertThat(defer("person_alias")).isEqualTo(1);  // its foreign key to person
    }

    private void checkDeferredConstraintsNow() {
        db.sql("set constraints all immediate").update();
    }

    @Test
    void anEmptyTablesSecondaryIndexesAreDroppedAndBuiltAgainAsTheyWere() {
        rolledBack(() -> {
            db.sql("delete from person_search").update();
            Set<String> before = definitions("person_search");

            assertThat(defer("person_search")).isEqualTo(3);  // trigram, words, person: none unique
            assertThat(definitions("person_search")).isEmpty();
            assertThat(takeOnIndexes.restore()).isEqualTo(3);

            assertThat(definitions("person_search")).isEqualTo(before);
            checkDeferredConstraintsNow();  // nothing left to restore: the commit would pass
        });
    }

    @Test
    void aTableWithRowsIsLeftAsItIs() {
        rolledBack(() -> {
            Set<String> before = definitions("booking");

            assertThat(defer("booking")).isZero();

            assertThat(definitions("booking")).isEqualTo(before);
        });
    }

    @Test
    void uniqueIndexesAndPrimaryKeysStay() {
        rolledBack(() -> {
            aliasesDeferred();

            assertThat(definitions("person_alias")).containsExactly(
                    "CREATE UNIQUE INDEX person_alias_pkey ON public.person_alias USING btree (person_id, alias)");
        });
    }

    @Test
    void restoringChecksEveryRowAgainstTheForeignKeys() {
        rolledBack(() -> {
            aliasesDeferred();
            db.sql("insert into person_alias (person_id, alias) values (-1, 'Nadie')").update();

            assertThatThrownBy(takeOnIndexes::restore).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("person_alias_person_id_fkey");
        });
    }

    @Test
    void aTransactionCannotCommitWithAnythingStillDropped() {
        rolledBack(() -> {
            aliasesDeferred();

            assertThatThrownBy(this::checkDeferredConstraintsNow).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("was dropped and not restored");
        });
    }

    @Test
    void anUnknownTableIsRefused() {
        rolledBack(() -> {
            assertThatThrownBy(() -> defer("no_such_table")).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("no table no_such_table");
        });
    }

    @Test
    void itRunsOnlyInsideATransaction() {
        assertThatThrownBy(takeOnIndexes::defer).isInstanceOf(
                org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
