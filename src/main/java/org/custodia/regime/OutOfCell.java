package org.custodia.regime;

import java.time.Instant;

/** Someone out of their cell now: where from, where to, why, and whether they are overdue back. */
public record OutOfCell(long personId, String name, long movementId, String fromCode, String destinationCode,
                        Purpose purpose, Instant leftAt, Instant dueBackAt, boolean overdue) {
}
