package org.custodia.regime;

/**
 * Why a cell got less than the minimum (MANDELA-43: never as a sanction). There is deliberately no reason that is
 * discipline: a ration cannot be recorded as reduced for that.
 */
public enum ShortfallReason {
    SUPPLY_SHORTAGE, KITCHEN_FAILURE, WATER_SUPPLY_INTERRUPTED, DELIVERY_FAILURE, OTHER
}
