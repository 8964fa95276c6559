package org.custodia.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small helpers for ledger payloads and SQL parameters: a map in the order given that holds nulls (Map.of refuses
 * them, and a payload says none with null), and query parameters followed by more (paging).
 */
public final class Ordered {
    private Ordered() {
    }

    /** Keys and values alternating: key, value, key, value. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The parameters, then more (a page's limit and offset). */
    public static Object[] params(Object[] first, Object... more) {
        Object[] out = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
