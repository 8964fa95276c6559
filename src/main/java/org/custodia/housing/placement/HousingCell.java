package org.custodia.housing.placement;

import java.math.BigDecimal;

/**
 * A cell as placement sees it: {@code limit} is its certified capacity, or the emergency cap COMMAND authorised
 * for it ({@code capped}); {@code population} counts everyone the estate holds there.
 */
public record HousingCell(long id, String code, String facilityCode, Long pavilionId, String pavilionCode,
                          int certifiedCapacity, int limit, boolean capped, BigDecimal floorAreaM2, int population) {
    public double areaPerPerson(int people) {
        return floorAreaM2 == null || people == 0 ? Double.POSITIVE_INFINITY : floorAreaM2.doubleValue() / people;
    }
}
