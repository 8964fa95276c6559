package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queryable columns are checked against the entry's text exactly, with no parsing. */
class LedgerColumnsTest {
    static final Instant OCCURRED = Instant.parse("2024-05-06T07:08:09.123456Z");
    static final Instant RECORDED = Instant.parse("2024-05-06T07:08:10Z");

    static String text(LedgerEvent e, long seq) {
        return CanonicalJson.write(LedgerWriter.canonicalMap(e, seq, RECORDED));
    }

    static LedgerEvent event(Long person, Map<String, Object> payload) {
        return new LedgerEvent("CECOT", person, "PERSON_MOVED", payload, new Actor("José \"Pepe\" Núñez", "OFFICER"),
                OCCURRED);
    }

    @Test
    void theColumnsOfAWrittenEntryDescribeItsText() {
        LedgerEvent e = event(7L, Map.of("to", "M1-N1-C01", "nota", "línea\nnueva"));
        assertThat(LedgerColumns.of(e, OCCURRED, RECORDED).describe(text(e, 41), "CECOT", 41)).isTrue();
        LedgerEvent national = event(null, Map.of());
        assertThat(LedgerColumns.of(national, OCCURRED, RECORDED).describe(text(national, 1), "CECOT", 1)).isTrue();
    }

    @Test
    void eachColumnThatSaysSomethingElseIsFound() {
        LedgerEvent e = event(7L, Map.of());
        String text = text(e, 41);
        LedgerColumns c = LedgerColumns.of(e, OCCURRED, RECORDED);
        assertThat(new LedgerColumns("PERSON_RELEASED", 7L, c.actor(), c.actorRoles(), OCCURRED, RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), 8L, c.actor(), c.actorRoles(), OCCURRED, RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), null, c.actor(), c.actorRoles(), OCCURRED, RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), 7L, "otro", c.actorRoles(), OCCURRED, RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), 7L, c.actor(), "COMMAND", OCCURRED, RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), 7L, c.actor(), c.actorRoles(), OCCURRED.plusNanos(1000), RECORDED)
                .describe(text, "CECOT", 41)).isFalse();
        assertThat(new LedgerColumns(c.type(), 7L, c.actor(), c.actorRoles(), OCCURRED, RECORDED.plusSeconds(1))
                .describe(text, "CECOT", 41)).isFalse();
    }

    /** A payload holding the same keys (a nested object) cannot stand in for the entry's own values. */
    @Test
    void valuesInsideThePayloadAreNotTheEntrysOwn() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("person", 8L);
        nested.put("recordedAt", RECORDED);
        nested.put("seq", 41L);
        nested.put("type", "PERSON_MOVED");
        LedgerEvent e = event(7L, Map.of("z", nested));
        LedgerColumns claimed = new LedgerColumns("PERSON_MOVED", 8L, e.actor().account(), e.actor().roles(),
                OCCURRED, RECORDED);
        assertThat(claimed.describe(text(e, 41), "CECOT", 41)).isFalse();
    }
}
