package org.custodia.estate;

import java.util.List;

/** A pavilion's cells as tiles: each with its own figures, for the map. */
public record PavilionMap(long id, String facilityCode, String code, String name, int levels, Occupancy total,
                          List<Cell> cells) {
    public record Cell(Location location, Occupancy occupancy) {
    }
}
