package org.custodia.regime;

import java.time.Instant;
import java.util.List;

/** An escorted group out of their cells, and who of them has come back. */
public record Movement(long id, String facilityCode, long destinationId, String destinationCode, Purpose purpose,
                       String escort, boolean emergency, String reason, Instant leftAt, Instant dueBackAt,
                       String recordedBy, List<Mover> people) {

    public record Mover(long personId, String name, String fromCode, Instant returnedAt, String returnedBy) {
        public boolean out() {
            return returnedAt == null;
        }
    }
}
