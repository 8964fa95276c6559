package org.custodia.counts;

import java.time.Instant;
import java.util.List;

/**
 * A count and its reconciliation: how many cells stand where, the people expected and counted, every cell that
 * needs attention with the people concerned, and the cells not yet counted.
 */
public record Count(long id, String facilityCode, CountKind kind, String reason, Instant scheduledFor,
                    boolean crossCount, Instant openedAt, String openedBy, Instant signedOffAt, String signedOffBy,
                    boolean late, Summary summary, List<Cell> attention, List<Place> uncounted) {

    public boolean open() {
        return signedOffAt == null;
    }

    /** Cells by status, and the people expected and counted in the counted cells. */
    public record Summary(int cells, int uncounted, int awaitingCrossCount, int crossCountsDiffer, int discrepancies,
                          int explained, int clear, int expected, int counted) {
        public boolean settled() {
            return cells == clear + explained;
        }
    }

    /** A place of the count, by id and code. */
    public record Place(long locationId, String code) {
    }

    /** A person concerned by a cell's count. */
    public record Person(long personId, String name) {
    }

    /** A found person nobody expected there: known, or only described. */
    public record Found(Long personId, String name, String description) {
    }

    /**
     * One cell in the count: its status, the latest count (expected is what the records said when it was made),
     * who is missing and who was found, who counted, the explanation if any, and who should be there now.
     */
    public record Cell(long locationId, String code, CellStatus status, Integer expected, Integer counted,
                       List<Person> missing, List<Found> found, List<String> countedBy, String explanation,
                       String note, List<Person> expectedPeople) {
    }
}
