package org.custodia.intake;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.people.DuplicateFinder;
import org.custodia.people.Admission;
import org.custodia.people.PeopleService;
import org.custodia.platform.Official;
import org.springframework.stereotype.Component;

/**
 * Checks a batch's rows: each against the constraints of an admission through the API and the admission rules
 * (errors by row and field); the valid ones against the people already recorded and the batch's other rows (held
 * for a records officer's decision); the rest is admitted.
 */
@Component
class BatchChecks {
    record Checked(List<BatchReport.RowError> errors, List<BatchReport.HeldRow> held, List<Admission> toAdmit) {
    }

    private final Validator validator;
    private final PeopleService people;
    private final EstateService estate;
    private final DuplicateFinder finder;

    BatchChecks(Validator validator, PeopleService people, EstateService estate, DuplicateFinder finder) {
        this.finder = finder;
        this.validator = validator;
        this.people = people;
        this.estate = estate;
    }

    Checked check(List<Map<String, String>> rows, Official official) {
        List<BatchReport.RowError> errors = new ArrayList<>();
        List<Admission> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        Map<String, Long> receptions = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String facility = Rows.blank(row.get("facilityCode"));
            Long reception = facility == null || !official.sees(facility) ? null
                    : receptions.computeIfAbsent(facility, f -> estate.reception(f).map(Location::id).orElse(null));
            Rows.Converted c = Rows.convert(row, reception);
            Map<String, String> problems = new LinkedHashMap<>(c.errors());
            // the same constraints as an admission through the API (aliases[2].<list element> is "aliases")
            validator.validate(c.admission()).forEach(v -> problems.putIfAbsent(
                    v.getPropertyPath().toString().replaceFirst("\\[.*", ""), v.getMessage()));
            people.problems(c.admission()).forEach(problems::putIfAbsent);
            if (facility != null && reception == null) {
                problems.put("facilityCode", "no such facility in your scope, or it has no reception");
                problems.remove("locationId");
            }
            int rowNo = i + 1;
            problems.forEach((field, reason) -> errors.add(new BatchReport.RowError(rowNo,
                    field.equals("locationId") ? "facilityCode" : field, reason)));
            if (problems.isEmpty()) {
                valid.add(c.admission());
                validRows.add(rowNo);
            }
        }
        List<BatchReport.HeldRow> held = new ArrayList<>();
        List<Admission> toAdmit = new ArrayList<>();
        Map<Integer, List<DuplicateFinder.KnownPerson>> duplicates = finder.possibleDuplicates(valid, official);
        Map<String, Integer> documentsInBatch = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            Admission a = valid.get(i);
            String name = PeopleService.fullName(a.givenNames().strip(), a.firstSurname().strip(),
                    a.secondSurname() == null ? null : a.secondSurname().strip());
            List<DuplicateFinder.KnownPerson> known = duplicates.getOrDefault(i, List.of());
            List<Long> candidates = known.stream().filter(DuplicateFinder.KnownPerson::inScope)
                    .map(DuplicateFinder.KnownPerson::personId).toList();
            List<DuplicateFinder.KnownPerson> elsewhere = known.stream().filter(k -> !k.inScope()).toList();
            Integer earlier = a.idDocument() == null ? null : documentsInBatch.putIfAbsent(a.idDocument(),
                    validRows.get(i));
            if (!known.isEmpty()) {
                held.add(new BatchReport.HeldRow(validRows.get(i), name,
                        "possibly already known (same document, or close name and same date of birth)", candidates,
                        elsewhere, rows.get(validRows.get(i) - 1), null));
            } else if (earlier != null) {
                held.add(new BatchReport.HeldRow(validRows.get(i), name,
                        "same identity document as row " + earlier + " of this batch", List.of(), List.of(),
                        rows.get(validRows.get(i) - 1), null));
            } else {
                toAdmit.add(a);
            }
        }
        return new Checked(List.copyOf(errors), List.copyOf(held), toAdmit);
    }
}
