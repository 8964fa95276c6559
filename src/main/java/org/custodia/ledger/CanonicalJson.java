package org.custodia.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.platform.InstantText;

/**
 * The one encoding that is hashed: keys sorted, no white space, strings escaped minimally (non-ASCII kept as
 * UTF-8), integers and decimals in plain notation. Floating-point numbers are refused because their text is not
 * stable.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    static void write(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Integer i -> sb.append(i);
            case Long l -> sb.append(l);
            case Short s -> sb.append(s);
            case BigInteger b -> sb.append(b);
            case BigDecimal d -> sb.append(d.toPlainString());
            case Double d -> throw new IllegalArgumentException("floating-point values are not canonical: " + d);
            case Float f -> throw new IllegalArgumentException("floating-point values are not canonical: " + f);
            case Map<?, ?> m -> map(sb, m);
            case Collection<?> c -> {
                sb.append('[');
                boolean first = true;
                for (Object o : c) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    write(sb, o);
                }
                sb.append(']');
            }
            case Instant i -> InstantText.append(sb.append('"'), i).append('"');  // nothing in it to escape
            case TemporalAccessor t -> string(sb, t.toString());
            case Enum<?> e -> string(sb, e.name());
            default -> throw new IllegalArgumentException("cannot encode " + v.getClass().getName());
        }
    }

    /** Keys in order: as they come when they already are (most maps are built so), else sorted. */
    private static void map(StringBuilder sb, Map<?, ?> m) {
        String[] keys = new String[m.size()];
        Object[] values = new Object[m.size()];
        int n = 0;
        boolean sorted = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            keys[n] = String.valueOf(e.getKey());
            values[n] = e.getValue();
            sorted &= n == 0 || keys[n - 1].compareTo(keys[n]) < 0;
            n++;
        }
        if (!sorted) {
            // String.valueOf may make two keys equal (a map with the key 1 and the key "1"): the last one wins
            TreeMap<String, Object> byKey = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                byKey.put(keys[i], values[i]);
            }
            keys = byKey.keySet().toArray(String[]::new);
            values = byKey.values().toArray();
            n = keys.length;
        }
        sb.append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, keys[i]);
            sb.append(':');
            write(sb, values[i]);
        }
        sb.append('}');
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, from, i);  // the run of characters written as they are
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append(s, from, s.length()).append('"');
    }
}
