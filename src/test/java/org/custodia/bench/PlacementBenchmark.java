package org.custodia.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.SeparationPolicy;
import org.custodia.housing.placement.HousingCell;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.PlacementEngine;
import org.custodia.housing.placement.Resident;
import org.custodia.people.Sex;
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
 * Placement of a whole population into the demo mega-prison: 8 pavilions of 72 cells (two levels) certified for
 * 70 on 96 m², three rival groups (MS-13 apart from both Barrio 18 factions by pavilion, the factions apart by cell),
 * untried/convicted and young adults kept apart, 2,000 non-association pairs. One plan per invocation, from an empty
 * estate, including the engine's re-check of every proposal. Prints placed/unplaced and violations after each plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 8)
public class PlacementBenchmark {
    @Param({"10000", "40000"})
    int people;

    HousingState state;
    List<Long> ids;
    PlacementEngine.Result last;

    static final List<AffiliationService.Rivalry> RIVALRIES = List.of(
            new AffiliationService.Rivalry("B18-SUR", "MS-13", "PAVILION"),
            new AffiliationService.Rivalry("B18-REV", "MS-13", "PAVILION"),
            new AffiliationService.Rivalry("B18-REV", "B18-SUR", "CELL"));

    @Setup(org.openjdk.jmh.annotations.Level.Invocation)
    public void setUp() {
        state = megaPrison(people, 2_000, 42);
        ids = new ArrayList<>();
        for (long p = 1; p <= people; p++) {
            ids.add(p);
        }
    }

    /** The estate and population; public so a test can run the same world. */
    public static HousingState megaPrison(int people, int pairs, long seed) {
        Random r = new Random(seed);
        HousingState s = new HousingState(SeparationPolicy.defaults(), RIVALRIES);
        long id = 100_000;
        for (long pav = 1; pav <= 8; pav++) {
            for (int cell = 0; cell < 72; cell++) {
                s.addCell(new HousingCell(id++, "M" + pav + "-C" + cell, "CECOT", pav, "M" + pav, 70, 70, false,
                        new BigDecimal("96.00"), 0));
            }
        }
        for (long p = 1; p <= people; p++) {
            int g = r.nextInt(100);
            Set<String> groups = g < 45 ? Set.of("MS-13") : g < 65 ? Set.of("B18-SUR") : g < 80 ? Set.of("B18-REV")
                    : Set.of();
            s.addResident(new Resident(p, "P" + p, Sex.MALE, r.nextInt(100) >= 76, r.nextInt(100) < 6,
                    new HashSet<>(groups), null, r.nextInt(100) < 30 ? Set.of("EXP-" + r.nextInt(4_000)) : Set.of()),
                    new HousingState.Where(1, null, "CECOT"));
        }
        for (int i = 0; i < pairs; i++) {
            long a = 1 + r.nextInt(people);
            long b = 1 + r.nextInt(people);
            if (a != b) {
                s.addNonAssociation(new NonAssociation(i, Math.min(a, b), Math.max(a, b),
                        r.nextInt(10) < 7 ? Level.CELL : Level.PAVILION, "THREAT", "benchmark", "bench", null, true));
            }
        }
        return s;
    }

    @Benchmark
    public PlacementEngine.Result plan() {
        last = PlacementEngine.plan(state, "CECOT", ids);
        return last;
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void report() {
        if (last != null) {
            long violations = last.unplaced().stream().filter(u -> u.reasons().stream()
                    .anyMatch(x -> x.code() == org.custodia.housing.placement.Reason.Code.REFUSED_ON_RECHECK)).count();
            System.out.printf("%n  people=%d placed=%d unplaced=%d engine-proposals-refused-on-recheck=%d "
                            + "minArea=%.2f meanArea=%.2f coDefendantsTogether=%d%n", people, last.stats().placed(),
                    last.stats().unplaced(), violations, last.stats().minAreaPerPerson(),
                    last.stats().meanAreaPerPerson(), last.stats().coDefendantsTogether());
        }
    }
}
