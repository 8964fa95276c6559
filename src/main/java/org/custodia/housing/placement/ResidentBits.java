package org.custodia.housing.placement;

import java.util.HashMap;
import java.util.Map;
import org.custodia.housing.Level;

/**
 * Packs what the fast rule checks need about a resident into bits: each group one bit (at most 64), the groups it
 * may not share a cell or a pavilion with, and a category key (sex, untried/convicted, young adult, isolation
 * cohort) that must be equal for two people to share a cell. Shared by the placement engine and the rebalancer.
 */
final class ResidentBits {
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, Integer> isolationIndex = new HashMap<>();
    private final Map<String, Integer> caseIds = new HashMap<>();
    private final long[] rivalCell;
    private final long[] rivalPavilion;

    /** Indexes the groups in the rivalries and those of the residents in the given cells. */
    ResidentBits(HousingState state, Iterable<HousingCell> cells) {
        state.rivalries().keySet().forEach(this::index);
        for (HousingCell c : cells) {
            for (long o : state.occupants(c.id())) {
                state.resident(o).groups().forEach(this::index);
            }
        }
        if (groupIndex.size() > 64) {
            throw new IllegalStateException("placement handles at most 64 groups");
        }
        rivalCell = new long[groupIndex.size()];
        rivalPavilion = new long[groupIndex.size()];
        for (var a : state.rivalries().entrySet()) {
            for (var b : a.getValue().entrySet()) {
                int i = groupIndex.get(a.getKey());
                int j = groupIndex.get(b.getKey());
                rivalCell[i] |= 1L << j;
                if (b.getValue() == Level.PAVILION) {
                    rivalPavilion[i] |= 1L << j;
                }
            }
        }
    }

    private void index(String group) {
        groupIndex.computeIfAbsent(group, k -> groupIndex.size());
    }

    int groupCount() {
        return groupIndex.size();
    }

    Integer group(String code) {
        return groupIndex.get(code);
    }

    /** The resident's groups as bits (groups never indexed, with no rivalry and nobody in the cells, are left out). */
    long groups(Resident r) {
        long m = 0;
        for (String g : r.groups()) {
            Integer i = groupIndex.get(g);
            if (i != null) {
                m |= 1L << i;
            }
        }
        return m;
    }

    long cellRivals(long groups) {
        return rivals(groups, rivalCell);
    }

    long pavilionRivals(long groups) {
        return rivals(groups, rivalPavilion);
    }

    private static long rivals(long groups, long[] table) {
        long out = 0;
        for (int g = 0; g < table.length; g++) {
            if ((groups & (1L << g)) != 0) {
                out |= table[g];
            }
        }
        return out;
    }

    int key(Resident r) {
        int iso = r.isolation() == null ? 0 : isolationIndex.computeIfAbsent(r.isolation(),
                k -> isolationIndex.size() + 1);
        return r.sex().ordinal() | (r.convicted() ? 4 : 0) | (r.youngAdult() ? 8 : 0) | (iso << 4);
    }

    int[] cases(Resident r) {
        return r.cases().stream().mapToInt(c -> caseIds.computeIfAbsent(c, k -> caseIds.size())).sorted().toArray();
    }
}
