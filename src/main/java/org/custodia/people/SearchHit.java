package org.custodia.people;

import java.time.LocalDate;

/**
 * One person found by a search: what matched ({@code matchedKind} NAME, ALIAS, DOCUMENT or BOOKING, and the
 * {@code matchedTerm} as recorded), how closely (0-1), and their latest stay.
 */
public record SearchHit(long personId, String fullName, LocalDate dateOfBirth, String matchedKind,
                        String matchedTerm, double score, String bookingNumber, String facilityCode,
                        boolean inCustody) {
}
