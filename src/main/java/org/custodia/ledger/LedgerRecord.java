package org.custodia.ledger;

import java.time.Instant;

/** A written ledger entry as read back for a person's history or a report; {@code payload} is JSON text. */
public record LedgerRecord(String chain, long seq, String type, Long personId, String actor, String actorRoles,
                           Instant occurredAt, Instant recordedAt, String payload, String hash) {
}
