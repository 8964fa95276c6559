package org.custodia.housing.rebalance;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects one cell's occupants into its figures in a single pass, so a move costs two small updates instead of
 * joining everyone in two cells pairwise: how many people, how many moved in, how many of those break a cell rule
 * (another category, or a rival group, in the cell) and how many pairs of co-defendants share it.
 */
final class CellMix implements PlaceCollector.Mix<CellMix.Figures> {

    /** One cell's figures. */
    record Figures(int people, int movedIn, int breaches, int coDefendantPairs) {
    }

    private final Map<Integer, Integer> keys = new HashMap<>();
    private final Tally groups = new Tally();
    private final Map<Integer, Integer> cases = new HashMap<>();
    private final Map<Long, Integer> movers = new HashMap<>();  // by cell rivals
    private int people;
    private int movedIn;
    private int pairs;

    @Override
    public Runnable add(Profile p, boolean moved) {
        people++;
        Tally.count(keys, p.key(), 1);
        groups.groups(p.groups(), 1);
        for (int c : p.cases()) {
            pairs += Tally.count(cases, c, 1) - 1;
        }
        // movers are counted by the groups they may not share a cell with: all that tells them apart here
        long rivals = p.cellRivals();
        if (moved) {
            movedIn++;
            Tally.count(movers, rivals, 1);
        }
        return () -> {
            people--;
            Tally.count(keys, p.key(), -1);
            groups.groups(p.groups(), -1);
            for (int c : p.cases()) {
                pairs -= Tally.count(cases, c, -1);
            }
            if (moved) {
                movedIn--;
                Tally.count(movers, rivals, -1);
            }
        };
    }

    @Override
    public Figures result() {
        int breaches = 0;
        if (movedIn > 0) {
            boolean mixed = keys.size() > 1;
            for (var e : movers.entrySet()) {
                if (mixed || (e.getKey() & groups.present()) != 0) {
                    breaches += e.getValue();
                }
            }
        }
        return new Figures(people, movedIn, breaches, pairs);
    }
}
