package org.custodia.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.people.Admission;
import org.custodia.people.LegalStatus;
import org.custodia.people.Sex;

/**
 * The columns of a batch (CSV header or JSON member names) and their conversion to admissions. Aliases are
 * separated by '|'. Conversion errors are collected per field, never thrown.
 */
final class Rows {
    static final List<String> COLUMNS = List.of("givenNames", "firstSurname", "secondSurname", "aliases",
            "dateOfBirth", "sex", "nationality", "idDocument", "legalStatus", "authority", "documentReference",
            "legalBasis", "arrestedAt", "arrestPlace", "facilityCode");
    static final Set<String> KNOWN = Set.copyOf(COLUMNS);

    private Rows() {
    }

    record Converted(Admission admission, Map<String, String> errors) {
    }

    static Converted convert(Map<String, String> row, Long receptionId) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate dob = null;
        String dobText = blank(row.get("dateOfBirth"));
        if (dobText != null) {
            try {
                dob = LocalDate.parse(dobText);
            } catch (DateTimeParseException e) {
                errors.put("dateOfBirth", "not a date (YYYY-MM-DD)");
            }
        }
        Instant arrested = null;
        String arrestedText = blank(row.get("arrestedAt"));
        if (arrestedText != null) {
            try {
                arrested = Instant.parse(arrestedText);
            } catch (DateTimeParseException e) {
                errors.put("arrestedAt", "not an instant (e.g. 2025-03-15T10:00:00Z)");
            }
        }
        Sex sex = parseEnum(Sex.class, row.get("sex"), "sex", errors);
        LegalStatus status = parseEnum(LegalStatus.class, row.get("legalStatus"), "legalStatus", errors);
        String aliasText = blank(row.get("aliases"));
        List<String> aliases = aliasText == null ? List.of()
                : Arrays.stream(aliasText.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Admission a = new Admission(row.get("givenNames"), row.get("firstSurname"), blank(row.get("secondSurname")),
                aliases, dob, sex, blank(row.get("nationality")), blank(row.get("idDocument")), status,
                new Admission.Commitment(row.get("authority"), row.get("documentReference"), row.get("legalBasis"),
                        arrested, row.get("arrestPlace")),
                blank(row.get("facilityCode")), receptionId);
        return new Converted(a, errors);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String v, String field, Map<String, String> errors) {
        String t = blank(v);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> unknownColumns(Iterable<String> columns) {
        List<String> out = new ArrayList<>();
        columns.forEach(c -> {
            if (!KNOWN.contains(c)) {
                out.add(c);
            }
        });
        return out;
    }
}
