package org.custodia.people;

import java.time.LocalDate;
import java.util.List;

/** A person's identity and stays; {@code current} is the active booking or null after release. */
public record PersonRecord(long id, String givenNames, String firstSurname, String secondSurname, String fullName,
                           List<String> aliases, LocalDate dateOfBirth, Sex sex, String nationality,
                           String idDocument, Booking current, List<Booking> bookings) {
}
