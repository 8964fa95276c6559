package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Invariants of the chain: intact chains verify; any single change is found at exactly its entry. */
class ChainProperties {

    record Row(String chain, long seq, String prev, String hash, String canonical) {
    }

    static List<Row> chain(String chain, List<String> payloads) {
        ChainHash h = new ChainHash();
        List<Row> rows = new ArrayList<>();
        String prev = ChainHash.GENESIS;
        long seq = 0;
        for (String p : payloads) {
            seq++;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("actor", "oficial");
            m.put("actorRoles", "OFFICER");
            m.put("chain", chain);
            m.put("occurredAt", "2026-01-01T00:00:00Z");
            m.put("payload", Map.of("text", p));
            m.put("person", seq);
            m.put("recordedAt", "2026-01-01T00:00:00Z");
            m.put("seq", seq);
            m.put("type", "TEST");
            String canonical = CanonicalJson.write(m);
            String hash = h.next(prev, canonical);
            rows.add(new Row(chain, seq, prev, hash, canonical));
            prev = hash;
        }
        return rows;
    }

    static VerificationResult verify(List<Row> rows) {
        ChainVerifier v = new ChainVerifier(List.of());
        rows.forEach(r -> v.accept(r.chain(), r.seq(), r.prev(), r.hash(), r.canonical()));
        return v.result();
    }

    @Provide
    Arbitrary<String> text() {
        // accents, quotes, backslashes, control characters and markup: what hostile or foreign names bring
        return Arbitraries.strings().withChars("abcñáéíóúüÑÁ \"\\\n\t<>&'{}[]:,0123456789").ofMaxLength(40);
    }

    @Property(tries = 200)
    void anIntactChainVerifies(@ForAll @Size(min = 1, max = 60) List<@StringLength(max = 40) String> payloads) {
        VerificationResult r = verify(chain("CECOT", payloads));
        assertThat(r.valid()).isTrue();
        assertThat(r.entries()).isEqualTo(payloads.size());
    }

    @Property(tries = 300)
    void anyAlteredEntryIsReportedExactly(@ForAll("texts") List<String> payloads, @ForAll @IntRange(min = 0, max = 59) int at,
                                          @ForAll("text") String replacement) {
        List<Row> rows = new ArrayList<>(chain("CECOT", payloads));
        int i = at % rows.size();
        Row r = rows.get(i);
        String altered = r.canonical().replace(CanonicalJson.write(Map.of("text", payloads.get(i))),
                CanonicalJson.write(Map.of("text", replacement + "x")));
        rows.set(i, new Row(r.chain(), r.seq(), r.prev(), r.hash(), altered));
        VerificationResult result = verify(rows);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(i + 1L);
    }

    @Property(tries = 200)
    void aRemovedOrSwappedEntryIsFound(@ForAll("texts") List<String> payloads,
                                       @ForAll @IntRange(min = 0, max = 59) int at) {
        Assume.that(payloads.size() >= 2); // one entry can be neither removed from between two nor swapped
        List<Row> rows = new ArrayList<>(chain("CECOT", payloads));
        int i = at % (rows.size() - 1);
        List<Row> removed = new ArrayList<>(rows);
        removed.remove(i);
        assertThat(verify(removed).valid()).isFalse();
        List<Row> swapped = new ArrayList<>(rows);
        Collections.swap(swapped, i, i + 1);
        assertThat(verify(swapped).valid()).isFalse();
        assertThat(verify(swapped).firstInvalidSequence()).isEqualTo(i + 2L);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return text().list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void canonicalJsonIgnoresKeyOrderAndRoundTrips(@ForAll("text") String a, @ForAll("text") String b,
                                                   @ForAll long n) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", b);
        one.put("a", a);
        one.put("n", n);
        Map<String, Object> two = new HashMap<>();
        two.put("n", n);
        two.put("a", a);
        two.put("b", b);
        String text = CanonicalJson.write(one);
        assertThat(CanonicalJson.write(two)).isEqualTo(text);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(text, Map.class);
        assertThat(back.get("a")).isEqualTo(a);
        assertThat(back.get("b")).isEqualTo(b);
        assertThat(CanonicalJson.write(back)).isEqualTo(text);
    }
}
