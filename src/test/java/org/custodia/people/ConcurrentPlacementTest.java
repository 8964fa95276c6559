package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Two officers can never both take the last place in a cell. */
class ConcurrentPlacementTest extends ServiceTest {

    @Test
    void concurrentAdmissionsAndMovesNeverOverfillACell() throws Exception {
        long cell = fx.newCell("CECOT", 2);
        fx.admit("CECOT", cell);

        long source = fx.newCell("CECOT", 10);
        List<Long> movers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            movers.add(fx.admit("CECOT", source).get("id").asLong());
        }
        long entries = fx.ledgerEntries();

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            final int n = i;
            Callable<Integer> task = () -> {
                start.await();
                if (n < 4) {
                    return api.post("/api/people", "registro",
                            Fixtures.admission("CECOT", cell, "Carlos", "Méndez", "Ruiz")).status();
                }
                return api.post("/api/moves", "oficial",
                        Map.of("personId", movers.get(n - 4), "toLocationId", cell, "reason", "Reubicación")).status();
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            assertThat(s).isIn(200, 201, 409);
            if (s != 409) {
                ok++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(fx.population(cell)).isEqualTo(2);
        assertThat(db.sql("select count(*) from booking where location_id = ? and released_at is null").param(cell)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(fx.ledgerEntries()).isEqualTo(entries + 1);
    }
}
