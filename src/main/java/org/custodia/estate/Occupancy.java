package org.custodia.estate;

import java.math.BigDecimal;
import java.util.List;

/**
 * Figures for a facility, pavilion or cell. {@code declaredCapacity} is the facility's announced figure (null below
 * facility level); {@code certifiedCapacity}, {@code floorAreaM2} and {@code housedPopulation} count cells only;
 * {@code population} counts everyone the unit is responsible for, wherever they are.
 */
public record Occupancy(String scope, String id, String name, Integer declaredCapacity, int certifiedCapacity,
                        int population, int housedPopulation, BigDecimal occupancyOfDeclaredPct,
                        BigDecimal occupancyOfCertifiedPct, BigDecimal floorAreaM2, BigDecimal m2PerPerson,
                        List<StandardCheck> standards) {
}
