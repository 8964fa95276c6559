package org.custodia.people;

import java.time.LocalDate;
import java.util.List;

/**
 * The housing rules applied to people booked straight into a cell (admission, readmission, a batch), checked
 * before anyone is booked and under the locks moves take. Implemented by the housing module, which people cannot
 * depend on. Taking on an existing population records reality as it is and is not checked.
 */
public interface AdmissionGuard {
    /** Someone about to be booked in: known ({@code personId}) or new (null), with what separation needs. */
    record Arrival(Long personId, String facilityCode, long locationId, Sex sex, LocalDate dateOfBirth,
                   LegalStatus legalStatus) {
    }

    /** Throws a conflict naming the broken rules if booking these people where they are going is unlawful. */
    void check(List<Arrival> arrivals);
}
