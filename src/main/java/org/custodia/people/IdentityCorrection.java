package org.custodia.people;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Text;

/** A correction of a person's identity, with its reason; the replaced version stays on file. */
public record IdentityCorrection(@Text(max = 200) String givenNames,
                                 @Text(max = 200) String firstSurname,
                                 @Text(max = 200) String secondSurname,
                                 @Size(max = 50) List<@Text(max = 200) String> aliases,
                                 @Day LocalDate dateOfBirth,
                                 Sex sex,
                                 @Text(max = 100) String nationality,
                                 @Text(max = 100) String idDocument,
                                 @Text(max = 2000, multiline = true) String reason) {

    /** A version of identity that a correction replaced. */
    public record Earlier(String givenNames, String firstSurname, String secondSurname, List<String> aliases,
                          LocalDate dateOfBirth, String sex, String nationality, String idDocument,
                          String replacedBy, Instant replacedAt, String reason) {
    }
}
