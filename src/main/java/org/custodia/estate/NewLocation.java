package org.custodia.estate;

import java.math.BigDecimal;

/** A location to add; {@code pavilionCode} is null for places outside any pavilion. */
public record NewLocation(String pavilionCode, String code, LocationKind kind, Integer level, BigDecimal floorAreaM2,
                          Integer certifiedCapacity, Integer bunks) {
}
