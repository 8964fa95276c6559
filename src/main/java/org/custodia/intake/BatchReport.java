package org.custodia.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodia.people.DuplicateFinder;
import org.custodia.people.PeopleService;

/**
 * A batch's state and its report: every error (row, field, reason), every row held for a records officer's review
 * as a possible duplicate, and progress while it is admitted. Rows count from 1, the first data row.
 */
public record BatchReport(String id, String status, String format, String mode, int total, int processed,
                          int admitted, int held, List<RowError> errors, List<HeldRow> heldRows,
                          String submittedBy, Instant submittedAt, Instant finishedAt, String message) {

    public record RowError(int row, String field, String reason) {
    }

    /**
     * A row held for review; {@code resolution} says what the records officer decided, once they have.
     * {@code candidates}: people in the submitter's scope it may be; {@code knownElsewhere}: people last held
     * outside that scope, with identity, last facility and release basis only.
     */
    public record HeldRow(int row, String name, String reason, List<Long> candidates,
                          List<DuplicateFinder.KnownPerson> knownElsewhere, Map<String, String> data,
                          String resolution) {
        public HeldRow {
            knownElsewhere = knownElsewhere == null ? List.of() : List.copyOf(knownElsewhere);
        }

        /** Whom the row may be resolved as: a candidate, or someone known elsewhere. */
        public boolean mayBe(long personId) {
            return candidates.contains(personId)
                    || knownElsewhere.stream().anyMatch(k -> k.personId() == personId);
        }

        HeldRow resolved(String resolution) {
            return new HeldRow(row, name, reason, candidates, knownElsewhere, data, resolution);
        }
    }
}
