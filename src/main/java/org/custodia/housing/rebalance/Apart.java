package org.custodia.housing.rebalance;

/** Two people in scope who must be kept apart at a level (0 cell, 1 pavilion, 2 facility). */
public record Apart(long personA, long personB, int level) {
}
