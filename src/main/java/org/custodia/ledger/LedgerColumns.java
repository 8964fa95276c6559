package org.custodia.ledger;

import java.time.Instant;

/**
 * The queryable columns of a ledger entry: an index over its canonical text, written next to it by the writer and
 * checked against it by every verification ({@link #describe}). They were derived in the database, but parsing
 * each text there (generated columns, then a trigger) was most of the cost of writing a population's entries.
 */
public record LedgerColumns(String type, Long personId, String actor, String actorRoles, Instant occurredAt,
                            Instant recordedAt) {
    /** The columns of the entry that {@link LedgerWriter#canonicalMap} makes of this event. */
    static LedgerColumns of(LedgerEvent e, Instant occurredAt, Instant recordedAt) {
        return new LedgerColumns(e.type(), e.personId(), e.actor().account(), e.actor().roles(), occurredAt,
                recordedAt);
    }

    /**
     * Whether these columns say what the entry's canonical text says. The text's keys are sorted and it has no
     * white space, so the top-level values these columns index are its exact beginning (actor, roles, chain, time of
     * the event, up to the payload) and its exact end (person, time recorded, sequence, type): the fragments are
     * written as {@link CanonicalJson} writes them and compared, with no parsing (a parse per entry doubled the
     * time of a verification).
     */
    public boolean describe(String canonical, String chain, long seq) {
        StringBuilder head = new StringBuilder(160).append("{\"actor\":");
        CanonicalJson.write(head, actor);
        head.append(",\"actorRoles\":");
        CanonicalJson.write(head, actorRoles);
        head.append(",\"chain\":");
        CanonicalJson.write(head, chain);
        head.append(",\"occurredAt\":");
        CanonicalJson.write(head, occurredAt);
        head.append(",\"payload\":");
        StringBuilder tail = new StringBuilder(120).append(",\"person\":");
        CanonicalJson.write(tail, personId);
        tail.append(",\"recordedAt\":");
        CanonicalJson.write(tail, recordedAt);
        tail.append(",\"seq\":").append(seq).append(",\"type\":");
        CanonicalJson.write(tail, type);
        tail.append('}');
        return canonical.length() >= head.length() + tail.length()
                && canonical.startsWith(head.toString()) && canonical.endsWith(tail.toString());
    }
}
