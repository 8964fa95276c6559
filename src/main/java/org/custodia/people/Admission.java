package org.custodia.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.Text;

/**
 * An admission: who, on what legal basis (MANDELA-7: no admission without a commitment record), and where.
 * {@code secondSurname} may be absent; names keep their accents exactly as given.
 */
public record Admission(@Text(max = 200) String givenNames,
                        @Text(max = 200) String firstSurname,
                        @Text(max = 200) String secondSurname,
                        @Size(max = 50) List<@Text(max = 200) String> aliases,
                        @Day LocalDate dateOfBirth,
                        Sex sex,
                        @Text(max = 100) String nationality,
                        @Text(max = 100) String idDocument,
                        LegalStatus legalStatus,
                        @Valid Commitment commitment,
                        @Text(max = 100) String facilityCode,
                        Long locationId) {

    /** The same admission to another place in the facility. */
    public Admission at(long otherLocationId) {
        return new Admission(givenNames, firstSurname, secondSurname, aliases, dateOfBirth, sex, nationality, idDocument,
                legalStatus, commitment, facilityCode, otherLocationId);
    }

    /**
     * The commitment order: who ordered the detention, the document, its legal basis, and when and where the
     * person was arrested (pretrial detention counts from then).
     */
    public record Commitment(@Text(max = 200) String authority,
                             @Text(max = 300) String documentReference,
                             @Text(max = 2000, multiline = true) String legalBasis,
                             @Moment(daysBack = 36600) Instant arrestedAt,
                             @Text(max = 200) String arrestPlace) {
    }
}
