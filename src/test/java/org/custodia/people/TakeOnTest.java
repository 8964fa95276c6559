package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodia.ledger.Actor;
import org.custodia.platform.InvalidRequestException;
import org.custodia.support.ServiceTest;
import org.custodia.support.Superuser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking on a population (the demo, a migration): people recorded where and since when they are held, each with a
 * ledger entry; the search terms merged at the end so that searching is fast at once. Nothing is committed.
 */
class TakeOnTest extends ServiceTest {
    @Autowired
    PeopleService people;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    javax.sql.DataSource dataSource;

    List<PeopleService.TakenOn> population(int n, long cell, Instant admitted) {
        List<PeopleService.TakenOn> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PeopleService.TakenOn(new Admission("Wilber Antonio", "Cañas", "Ñamendi", List.of("El Toro"),
                    LocalDate.of(1990, 1, 1).plusDays(i), Sex.MALE, "SLV", "TAKEON-" + i + "-" + cell,
                    LegalStatus.UNTRIED, new Admission.Commitment("Juzgado de Paz de Tecoluca", "EXP-" + i,
                    "Detención provisional", admitted.minus(2, ChronoUnit.DAYS), "Tecoluca"), "CECOT", cell),
                    admitted));
        }
        return out;
    }

    long pendingSearchPages(JdbcClient superuser) {
        superuser.sql("create extension if not exists pgstattuple").update();
        return superuser.sql("select pending_pages from pgstatginindex('person_search_trgm')").query(Long.class)
                .single();
    }

    /** The search terms have no foreign key (V24): each must still name a recorded person. */
    @Test
    void everySearchTermNamesARecordedPerson() {
        long cell = fx.newCell("CECOT", 10);
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            long[] ids = people.takeOn(population(50, cell, Instant.parse("2024-03-01T10:00:00Z")), Actor.SYSTEM);
            assertThat(db.sql("select count(distinct person_id) from person_search where person_id = any(?)")
                    .param(java.util.Arrays.stream(ids).boxed().toArray(Long[]::new)).query(Long.class).single())
                    .isEqualTo(50);
            assertThat(db.sql("""
                    select count(*) from person_search s where not exists (select 1 from person p where p.id = s.person_id)""")
                    .query(Long.class).single()).isZero();
        });
    }

    @Test
    void peopleAreRecordedWithTheirAdmissionDateAndTheSearchTermsAreMergedAtTheEnd() {
        long cell = fx.newCell("CECOT", 10);
        Instant admitted = Instant.parse("2024-03-01T10:00:00Z");
        JdbcClient superuser = Superuser.of(dataSource);
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            long[] ids = people.takeOn(population(300, cell, admitted), Actor.SYSTEM);
            assertThat(pendingSearchPages(superuser)).as("terms wait in the pending list").isPositive();
            people.finishTakingOn();
            assertThat(pendingSearchPages(superuser)).isZero();
            assertThat(db.sql("select count(*) from booking where person_id = any(?) and admitted_at = ?::timestamptz")
                    .params(ids, admitted.toString()).query(Long.class).single()).isEqualTo(300);
            // (their ledger entries are written at the commit, which this test does not reach: DemoLoadTest checks
            // that each names the admission it records)
        });
    }

    @Test
    void anAdmissionBeforeTheArrestIsRefused() {
        long cell = fx.newCell("CECOT", 10);
        Instant admitted = Instant.parse("2024-03-01T10:00:00Z");
        List<PeopleService.TakenOn> bad = List.of(new PeopleService.TakenOn(
                population(1, cell, admitted).getFirst().admission(), admitted.minus(30, ChronoUnit.DAYS)));
        long entries = fx.ledgerEntries();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> people.takeOn(bad, Actor.SYSTEM)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void finishingATakeOnNeedsItsTransaction() {
        assertThatThrownBy(() -> people.finishTakingOn()).isInstanceOf(
                org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
