package org.custodia.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a valid admission needs. Names: Unicode letters and marks (accents kept exactly), spaces, apostrophes,
 * hyphens and periods; nothing that could be markup or a control character.
 */
final class AdmissionRules {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.-]{0,99}");
    private static final Pattern ALIAS = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} '’.-]{0,59}");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DOCUMENT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./-]{0,39}");

    private AdmissionRules() {
    }

    static Map<String, String> check(Admission a, java.time.Instant now, LocalDate today) {
        Map<String, String> e = identity(a, today);
        if (a.legalStatus() == null) {
            e.put("legalStatus", "required");
        }
        commitment(e, a, now);
        return e;
    }

    /** Identity only: names, aliases, date of birth, sex, nationality, document. */
    static Map<String, String> identity(Admission a, LocalDate today) {
        Map<String, String> e = new LinkedHashMap<>();
        name(e, "givenNames", a.givenNames(), true);
        name(e, "firstSurname", a.firstSurname(), true);
        name(e, "secondSurname", a.secondSurname(), false);
        if (a.aliases() != null) {
            if (a.aliases().size() > 20) {
                e.put("aliases", "at most 20 aliases");
            }
            for (String alias : a.aliases()) {
                if (alias == null || !ALIAS.matcher(alias.strip()).matches()) {
                    e.put("aliases", "an alias is letters, digits, spaces, ' . - (at most 60)");
                }
            }
        }
        if (a.dateOfBirth() != null
                && (a.dateOfBirth().isAfter(today) || a.dateOfBirth().isBefore(today.minusYears(120)))) {
            e.put("dateOfBirth", "not a possible date of birth");
        }
        if (a.sex() == null) {
            e.put("sex", "required: FEMALE, MALE or OTHER");
        }
        if (a.nationality() == null || !NATIONALITY.matcher(a.nationality()).matches()) {
            e.put("nationality", "required: ISO 3166 alpha-3 code, e.g. SLV");
        }
        if (a.idDocument() != null && !a.idDocument().isBlank()
                && !DOCUMENT.matcher(a.idDocument().strip()).matches()) {
            e.put("idDocument", "letters, digits, spaces, . / - (at most 40)");
        }
        return e;
    }

    private static void commitment(Map<String, String> e, Admission a, java.time.Instant now) {
        Admission.Commitment c = a.commitment();
        if (c == null) {
            e.put("commitment", "MANDELA-7: no admission without a commitment record");
        } else {
            text(e, "commitment.authority", c.authority(), 200);
            text(e, "commitment.documentReference", c.documentReference(), 100);
            text(e, "commitment.legalBasis", c.legalBasis(), 500);
            text(e, "commitment.arrestPlace", c.arrestPlace(), 200);
            if (c.arrestedAt() == null || c.arrestedAt().isAfter(now.plusSeconds(300))
                    || c.arrestedAt().isBefore(now.minus(java.time.Duration.ofDays(365L * 100)))) {
                e.put("commitment.arrestedAt", "required: when the person was arrested, not in the future");
            }
        }
        if (a.facilityCode() == null || a.facilityCode().isBlank()) {
            e.put("facilityCode", "required");
        }
        if (a.locationId() == null) {
            e.put("locationId", "required");
        }
    }

    private static void name(Map<String, String> e, String field, String v, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                e.put(field, "required");
            }
        } else if (!NAME.matcher(v.strip()).matches()) {
            e.put(field, "letters (with accents), spaces, ' . - only; at most 100");
        }
    }

    private static void text(Map<String, String> e, String field, String v, int max) {
        if (v == null || v.isBlank()) {
            e.put(field, "required");
        } else if (v.length() > max || v.chars().anyMatch(ch -> ch < 0x20)) {
            e.put(field, "at most " + max + " characters, no control characters");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
