package org.custodia.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch's state and its report: every error (row, field, reason), every row held for a records officer's review
 * as a possible duplicate, and progress while it is admitted. Rows count from 1, the first data row.
 */
public record BatchReport(String id, String status, String format, String mode, int total, int processed,
                          int admitted, int held, List<RowError> errors, List<HeldRow> heldRows,
                          String submittedBy, Instant submittedAt, Instant finishedAt, String message) {

    public record RowError(int row, String field, String reason) {
    }

    /** A row held for review; {@code resolution} says what the records officer decided, once they have. */
    public record HeldRow(int row, String name, String reason, List<Long> candidates, Map<String, String> data,
                          String resolution) {
    }
}
