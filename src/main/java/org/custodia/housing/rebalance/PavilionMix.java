package org.custodia.housing.rebalance;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects one pavilion's occupants into the number of movers who would break a pavilion-level rule there: a
 * mover whose group may not share the pavilion with a group present, or (when men and women are kept apart by
 * pavilion) a mover of one sex where another is present. People who stay where they are break nothing by staying.
 */
final class PavilionMix implements PlaceCollector.Mix<Long> {
    private final Tally groups = new Tally();
    private final Map<Long, Integer> moverRivals = new HashMap<>();
    private final int[] sexCount = new int[8];
    private final int[] moverSex = new int[8];
    private boolean sexByPavilion;

    @Override
    public Runnable add(Profile p, boolean moved) {
        sexByPavilion |= p.sexByPavilion();
        groups.groups(p.groups(), 1);
        sexCount[p.sex()]++;
        if (moved) {
            moverSex[p.sex()]++;
            if (p.pavilionRivals() != 0) {
                Tally.count(moverRivals, p.pavilionRivals(), 1);
            }
        }
        return () -> {
            groups.groups(p.groups(), -1);
            sexCount[p.sex()]--;
            if (moved) {
                moverSex[p.sex()]--;
                if (p.pavilionRivals() != 0) {
                    Tally.count(moverRivals, p.pavilionRivals(), -1);
                }
            }
        };
    }

    @Override
    public Long result() {
        long n = 0;
        for (var e : moverRivals.entrySet()) {
            if ((e.getKey() & groups.present()) != 0) {
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
