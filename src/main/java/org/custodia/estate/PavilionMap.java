package org.custodia.estate;

import java.util.List;

/** A pavilion's cells as tiles: each with its own figures, for the map. */
public record PavilionMap(long id, String facilityCode, String code, String name, int levels, Occupancy total,
                          List<Cell> cells) {
    public record Cell(Location location, Occupancy occupancy) {
        /** The tile's colour class: under 90 %, 90-100 % or over the certified capacity. */
        public String tone() {
            Double pct = occupancy.occupancyOfCertifiedPct() == null ? null
                    : occupancy.occupancyOfCertifiedPct().doubleValue();
            return pct == null || pct < 90 ? "occ-low" : pct > 100 ? "occ-over" : "occ-high";
        }
    }
}
