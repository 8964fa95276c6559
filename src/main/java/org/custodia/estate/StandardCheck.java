package org.custodia.estate;

import java.math.BigDecimal;

/**
 * One figure checked against a named standard (see shared/reference/standards.md). {@code met} is null when there
 * is nothing to measure (nobody housed).
 */
public record StandardCheck(String standard, BigDecimal minimumM2PerPerson, Boolean met) {
}
