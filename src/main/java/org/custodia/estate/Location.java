package org.custodia.estate;

import java.math.BigDecimal;

/** A place that can hold people, with its current population as the estate counts it. */
public record Location(long id, String facilityCode, Long pavilionId, String code, LocationKind kind, Integer level,
                       BigDecimal floorAreaM2, Integer certifiedCapacity, Integer bunks, int population) {
}
