package org.custodia.people;

/**
 * Nobody moves while a facility is being counted: admissions, moves between places and receipts of transfers ask
 * this first (the counts module answers; releases are not held back). An implementation refuses with
 * {@code count-in-progress} and makes a count that is being opened wait for the movements already under way.
 */
public interface MovementFreeze {
    void check(String facilityCode);
}
