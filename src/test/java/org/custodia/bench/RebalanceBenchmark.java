package org.custodia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.custodia.housing.placement.HousingCell;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.Rebalancer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rebalancing the mega-prison with Timefold. The world of {@link PlacementBenchmark}, filled as a busy reception
 * does it (each person into the first cell that lawfully takes them, so co-defendants fall together and cells fill
 * one after another), then 10 % released at random, leaving cells uneven. One rebalancing per invocation within
 * the time budget, including the re-check of every proposed move; prints the figures before and after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RebalanceBenchmark {
    @Param({"36000"})
    int people;

    @Param({"10", "30"})
    int seconds;

    HousingState state;
    Rebalancer.Outcome last;

    @Setup(org.openjdk.jmh.annotations.Level.Invocation)
    public void setUp() {
        state = careless(people, 42);
    }

    /** The mega-prison filled first-fit, then 10 % released. */
    public static HousingState careless(int people, long seed) {
        HousingState s = PlacementBenchmark.megaPrison(people, 2_000, seed);
        List<HousingCell> cells = s.cells().values().stream().sorted(Comparator.comparingLong(HousingCell::id))
                .toList();
        int[] full = new int[1];
        List<Long> placed = new ArrayList<>();
        for (long p = 1; p <= people; p++) {
            for (int c = full[0]; c < cells.size(); c++) {
                HousingCell cell = cells.get(c);
                if (s.population(cell.id()) >= cell.limit()) {
                    if (c == full[0]) {
                        full[0]++;
                    }
                    continue;
                }
                if (s.check(p, cell.id()).isEmpty()) {
                    s.move(p, cell.id());
                    placed.add(p);
                    break;
                }
            }
        }
        Random r = new Random(seed);
        for (long p : placed) {
            if (r.nextInt(10) == 0) {
                s.remove(p);
            }
        }
        return s;
    }

    @Benchmark
    public Rebalancer.Outcome rebalance() {
        last = Rebalancer.rebalance(state, "CECOT", Set.of(), Duration.ofSeconds(seconds), 2_000);
        return last;
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.printf("%n  budget=%ds moves=%d dropped=%d pinned=%d%n  before %s%n  after  %s%n  score %s%n",
                    seconds, last.moves().size(), last.dropped().size(), last.pinned(), last.before(), last.after(),
                    last.score());
        }
    }
}
