package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * A map's canonical text does not depend on the order its entries come in: maps already in key order are written
 * as they come, the others sorted first, and both must give the same bytes.
 */
class CanonicalOrderProperties {

    @Property(tries = 300)
    void theOrderOfTheEntriesDoesNotChangeTheText(@ForAll @Size(max = 12) Map<String, String> entries,
                                                           @ForAll long seed) {
        Map<String, Object> sorted = new LinkedHashMap<>(new TreeMap<>(entries));
        List<String> keys = new ArrayList<>(entries.keySet());
        Collections.shuffle(keys, new java.util.Random(seed));
        Map<String, Object> shuffled = new LinkedHashMap<>();
        keys.forEach(k -> shuffled.put(k, entries.get(k)));

        String text = CanonicalJson.write(Map.of("payload", sorted));

        assertThat(CanonicalJson.write(Map.of("payload", shuffled))).isEqualTo(text);
        assertThat(CanonicalJson.write(Map.of("payload", new HashMap<>(entries)))).isEqualTo(text);
    }

    @Example
    void keysThatWriteAlikeKeepTheLastOne() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1, "number");
        m.put("1", "text");

        assertThat(CanonicalJson.write(m)).isEqualTo("{\"1\":\"text\"}");
    }
}
