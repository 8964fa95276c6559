package org.custodia.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One custody change to be written to the ledger. {@code chain} is the facility code (or {@link #NATIONAL});
 * payload values may be strings, numbers, booleans, nulls, lists, maps, dates and instants.
 */
public record LedgerEvent(String chain, Long personId, String type, Map<String, ?> payload, Actor actor,
                          Instant occurredAt) {
    public static final String NATIONAL = "NACIONAL";

    public LedgerEvent {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
