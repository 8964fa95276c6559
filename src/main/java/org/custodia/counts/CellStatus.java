package org.custodia.counts;

/**
 * Where a cell stands in a count. {@link #CLEAR} and {@link #EXPLAINED} let the count be signed off; the others
 * need a count, a second officer's count, a recount or an explanation.
 */
public enum CellStatus {
    UNCOUNTED,
    /** counted by one officer where the facility needs two */
    AWAITING_CROSS_COUNT,
    /** the two officers' counts differ: both count again */
    CROSS_COUNT_DIFFERS,
    /** the count differs from the people expected, or someone is missing or extra */
    DISCREPANCY,
    EXPLAINED,
    CLEAR;

    public boolean settled() {
        return this == CLEAR || this == EXPLAINED;
    }
}
