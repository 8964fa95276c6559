package org.custodia.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A correction of a person's identity, with its reason; the replaced version stays on file. */
public record IdentityCorrection(String givenNames, String firstSurname, String secondSurname, List<String> aliases,
                                 LocalDate dateOfBirth, Sex sex, String nationality, String idDocument,
                                 String reason) {

    /** A version of identity that a correction replaced. */
    public record Earlier(String givenNames, String firstSurname, String secondSurname, List<String> aliases,
                          LocalDate dateOfBirth, String sex, String nationality, String idDocument,
                          String replacedBy, Instant replacedAt, String reason) {
    }
}
