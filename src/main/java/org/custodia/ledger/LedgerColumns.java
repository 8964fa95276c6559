package org.custodia.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queryable columns of a ledger entry: an index over its canonical text, written next to it by the writer and
 * checked against it by every verification ({@link #describe}). They were derived in the database, but parsing
 * each text there (generated columns, then a trigger) was most of the cost of writing a population's entries.
 */
public record LedgerColumns(String type, Long personId, String actor, String actorRoles, Instant occurredAt,
                            Instant recordedAt) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The columns of the entry that {@link LedgerWriter#canonicalMap} makes of this event. */
    static LedgerColumns of(LedgerEvent e, Instant occurredAt, Instant recordedAt) {
        return new LedgerColumns(e.type(), e.personId(), e.actor().account(), e.actor().roles(), occurredAt,
                recordedAt);
    }

    /** Whether these columns say what the canonical text says (false for a text that is not an entry at all). */
    public boolean describe(String canonical) {
        try {
            JsonNode j = JSON.readTree(canonical);
            JsonNode person = j.path("person");
            return Objects.equals(type, text(j, "type"))
                    && Objects.equals(personId, person.isIntegralNumber() ? Long.valueOf(person.asLong()) : null)
                    && (personId != null || person.isNull())
                    && Objects.equals(actor, text(j, "actor"))
                    && Objects.equals(actorRoles, text(j, "actorRoles"))
                    && Objects.equals(occurredAt, instant(j, "occurredAt"))
                    && Objects.equals(recordedAt, instant(j, "recordedAt"));
        } catch (JacksonException | DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private static Instant instant(JsonNode j, String field) {
        String v = text(j, field);
        return v == null ? null : Instant.parse(v);
    }
}
