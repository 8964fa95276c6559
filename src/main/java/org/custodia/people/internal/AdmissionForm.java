package org.custodia.people.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.custodia.people.Admission;
import org.custodia.people.LegalStatus;
import org.custodia.people.Sex;

/** The admission form's fields as typed; dates arrive as ISO text from the browser's date inputs. */
record AdmissionForm(String givenNames, String firstSurname, String secondSurname, String aliases,
                     LocalDate dateOfBirth, Sex sex, String nationality, String idDocument, LegalStatus legalStatus,
                     String authority, String documentReference, String legalBasis, LocalDateTime arrestedAt,
                     String arrestPlace, String facilityCode) {

    static AdmissionForm empty() {
        return new AdmissionForm(null, null, null, null, null, null, "SLV", null, LegalStatus.UNTRIED, null, null,
                null, null, null, null);
    }

    /** Arrest times are entered in the facility's local time (El Salvador, UTC-6). */
    Admission toAdmission(ZoneId zone, Long locationId) {
        List<String> aliasList = aliases == null || aliases.isBlank() ? List.of()
                : Arrays.stream(aliases.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        return new Admission(givenNames, firstSurname, secondSurname, aliasList, dateOfBirth, sex, nationality,
                idDocument, legalStatus,
                new Admission.Commitment(authority, documentReference, legalBasis,
                        arrestedAt == null ? null : arrestedAt.atZone(zone).toInstant(), arrestPlace),
                facilityCode, locationId);
    }
}
