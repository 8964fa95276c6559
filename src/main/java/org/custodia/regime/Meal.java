package org.custodia.regime;

/** What is issued to a cell: one of the day's meals, or a delivery of drinking water. */
public enum Meal {
    BREAKFAST, LUNCH, DINNER, WATER;

    public boolean food() {
        return this != WATER;
    }
}
