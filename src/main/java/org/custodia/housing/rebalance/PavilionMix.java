package org.custodia.housing.rebalance;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects one pavilion's occupants into the number of movers who would break a pavilion-level rule there: a
 * mover whose group may not share the pavilion with a group present, or (when men and women are kept apart by
 * pavilion) a mover of one sex where another is present. People who stay where they are break nothing by staying.
 */
final class PavilionMix implements UniConstraintCollector<Occupant, PavilionMix.Mix, Long> {

    static final class Mix {
        private final int[] groupCount = new int[64];
        private long present;
        private final Map<Long, Integer> moverRivals = new HashMap<>();
        private final int[] sexCount = new int[8];
        private final int[] moverSex = new int[8];
        private boolean sexByPavilion;

        Runnable add(Profile p, boolean moved) {
            sexByPavilion |= p.sexByPavilion();
            groups(p.groups(), 1);
            sexCount[p.sex()]++;
            if (moved) {
                moverSex[p.sex()]++;
                if (p.pavilionRivals() != 0) {
                    moverRivals.merge(p.pavilionRivals(), 1, Integer::sum);
                }
            }
            return () -> {
                groups(p.groups(), -1);
                sexCount[p.sex()]--;
                if (moved) {
                    moverSex[p.sex()]--;
                    if (p.pavilionRivals() != 0) {
                        moverRivals.merge(p.pavilionRivals(), -1, (a, b) -> a + b == 0 ? null : a + b);
                    }
                }
            };
        }

        private void groups(long mask, int delta) {
            for (long m = mask; m != 0; m &= m - 1) {
                int g = Long.numberOfTrailingZeros(m);
                groupCount[g] += delta;
                present = groupCount[g] > 0 ? present | (1L << g) : present & ~(1L << g);
            }
        }

        long breaches() {
            long n = 0;
            for (var e : moverRivals.entrySet()) {
                if ((e.getKey() & present) != 0) {
                    n += e.getValue();
                }
            }
            if (sexByPavilion) {
                int sexes = 0;
                for (int s = 0; s < sexCount.length; s++) {
                    sexes += sexCount[s] > 0 ? 1 : 0;
                }
                if (sexes > 1) {
                    for (int s = 0; s < moverSex.length; s++) {
                        n += moverSex[s];
                    }
                }
            }
            return n;
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
    public Function<Mix, Long> finisher() {
        return Mix::breaches;
    }
}
