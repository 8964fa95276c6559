package org.custodia.housing;

import java.time.Instant;

/** Two people kept apart at a level, with the reason; closed and reopened by events, never edited. */
public record NonAssociation(long id, long personA, long personB, Level level, String kind, String reason,
                             String recordedBy, Instant recordedAt, boolean active) {
    public long other(long personId) {
        return personId == personA ? personB : personA;
    }
}
