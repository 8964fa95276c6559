package org.custodia.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An admission: who, on what legal basis (MANDELA-7: no admission without a commitment record), and where.
 * {@code secondSurname} may be absent; names keep their accents exactly as given.
 */
public record Admission(String givenNames, String firstSurname, String secondSurname, List<String> aliases,
                        LocalDate dateOfBirth, Sex sex, String nationality, String idDocument,
                        LegalStatus legalStatus, Commitment commitment, String facilityCode, Long locationId) {

    /** The same admission to another place in the facility. */
    public Admission at(long otherLocationId) {
        return new Admission(givenNames, firstSurname, secondSurname, aliases, dateOfBirth, sex, nationality, idDocument,
                legalStatus, commitment, facilityCode, otherLocationId);
    }

    /**
     * The commitment order: who ordered the detention, the document, its legal basis, and when and where the
     * person was arrested (pretrial detention counts from then).
     */
    public record Commitment(String authority, String documentReference, String legalBasis, Instant arrestedAt,
                             String arrestPlace) {
    }
}
