package org.custodia.housing;

/** How far apart two people or groups are kept: not in one cell, not in one pavilion, not in one facility. */
public enum Level {
    CELL, PAVILION, FACILITY;

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
