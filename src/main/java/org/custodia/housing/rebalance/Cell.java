package org.custodia.housing.rebalance;

/**
 * A cell the rebalancer may put people in: its pavilion (as an index), the limit in force (certified capacity or
 * an authorised emergency cap) and its floor area in m² (0 when not measured). Identity matters, not value.
 */
public final class Cell {
    private final long id;
    private final int pavilion;
    private final int limit;
    private final double area;

    public Cell(long id, int pavilion, int limit, double area) {
        this.id = id;
        this.pavilion = pavilion;
        this.limit = limit;
        this.area = area;
    }

    public long id() {
        return id;
    }

    public int pavilion() {
        return pavilion;
    }

    public int limit() {
        return limit;
    }

    public double area() {
        return area;
    }

    /** Crowding in thousandths: people² / area, so the sum over cells is least when space per person is even. */
    public long crowding(int people) {
        return area <= 0 ? 0 : Math.round(1000.0 * people * people / area);
    }

    @Override
    public String toString() {
        return "cell " + id;
    }
}
