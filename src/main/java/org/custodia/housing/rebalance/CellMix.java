package org.custodia.housing.rebalance;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects one cell's occupants into its figures in a single pass, so a move costs two small updates instead of
 * joining everyone in two cells pairwise: how many people, how many moved in, how many of those break a cell rule
 * (another category, or a rival group, in the cell) and how many pairs of co-defendants share it.
 */
final class CellMix implements UniConstraintCollector<Occupant, CellMix.Mix, CellMix.Figures> {

    /** One cell's figures. */
    record Figures(int people, int movedIn, int breaches, int coDefendantPairs) {
    }

    static final class Mix {
        private final Map<Integer, Integer> keys = new HashMap<>();
        private final int[] groupCount = new int[64];
        private long present;
        private final Map<Integer, Integer> cases = new HashMap<>();
        private final Map<Long, Integer> movers = new HashMap<>();  // by cell rivals
        private int people;
        private int movedIn;
        private int pairs;

        Runnable add(Profile p, boolean moved) {
            people++;
            keys.merge(p.key(), 1, Integer::sum);
            groups(p.groups(), 1);
            for (int c : p.cases()) {
                pairs += cases.getOrDefault(c, 0);
                cases.merge(c, 1, Integer::sum);
            }
            // movers are counted by the groups they may not share a cell with: all that tells them apart here
            long rivals = p.cellRivals();
            if (moved) {
                movedIn++;
                movers.merge(rivals, 1, Integer::sum);
            }
            return () -> {
                people--;
                keys.merge(p.key(), -1, Mix::dropZero);
                groups(p.groups(), -1);
                for (int c : p.cases()) {
                    Integer left = cases.merge(c, -1, Mix::dropZero);
                    pairs -= left == null ? 0 : left;
                }
                if (moved) {
                    movedIn--;
                    movers.merge(rivals, -1, Mix::dropZero);
                }
            };
        }

        private static Integer dropZero(Integer a, Integer b) {
            return a + b == 0 ? null : a + b;
        }

        private void groups(long mask, int delta) {
            for (long m = mask; m != 0; m &= m - 1) {
                int g = Long.numberOfTrailingZeros(m);
                groupCount[g] += delta;
                present = groupCount[g] > 0 ? present | (1L << g) : present & ~(1L << g);
            }
        }

        Figures figures() {
            int breaches = 0;
            if (movedIn > 0) {
                boolean mixed = keys.size() > 1;
                for (var e : movers.entrySet()) {
                    if (mixed || (e.getKey() & present) != 0) {
                        breaches += e.getValue();
                    }
                }
            }
            return new Figures(people, movedIn, breaches, pairs);
        }
    }

    @Override
    public Supplier<Mix> supplier() {
        return Mix::new;
    }

    @Override
    public BiFunction<Mix, Occupant, Runnable> accumulator() {
        return (mix, o) -> mix.add(o.profile(), o.moved());
    }

    @Override
    public Function<Mix, Figures> finisher() {
        return Mix::figures;
    }
}
