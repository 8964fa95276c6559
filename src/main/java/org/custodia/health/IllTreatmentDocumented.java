package org.custodia.health;

import java.time.Instant;
import org.custodia.platform.Official;

/**
 * A screening documented signs of torture or ill-treatment (MANDELA-34): published in the screening's transaction so
 * that the independent-report workflow opens with it. Carries no clinical detail.
 */
public record IllTreatmentDocumented(long personId, long screeningId, Official official, Instant at) {
}
