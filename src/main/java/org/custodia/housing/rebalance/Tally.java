package org.custodia.housing.rebalance;

import java.util.Map;

/** Which groups are present among the people counted (a bit per group), and counts that vanish at zero. */
final class Tally {
    private final int[] groupCount = new int[64];
    private long present;

    void groups(long mask, int delta) {
        for (long m = mask; m != 0; m &= m - 1) {
            int g = Long.numberOfTrailingZeros(m);
            groupCount[g] += delta;
            present = groupCount[g] > 0 ? present | (1L << g) : present & ~(1L << g);
        }
    }

    long present() {
        return present;
    }

    /** Adds delta to the key's count, removing the key when it reaches zero; returns the count left. */
    static <K> int count(Map<K, Integer> counts, K key, int delta) {
        Integer left = counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
        return left == null ? 0 : left;
    }
}
