package org.custodia.legal;

import java.util.Map;

/** Required free-text fields: present, bounded, no control characters. */
final class Texts {
    private Texts() {
    }

    static void require(Map<String, String> errors, String field, String v, int max) {
        if (v == null || v.isBlank()) {
            errors.put(field, "required");
        } else if (v.length() > max || v.chars().anyMatch(c -> c < 0x20)) {
            errors.put(field, "at most " + max + " characters, no control characters");
        }
    }
}
