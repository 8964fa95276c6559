package org.custodia.housing.rebalance;

/** The most people a rebalancing plan may move. */
public record MoveBudget(int maxMoves) {
}
