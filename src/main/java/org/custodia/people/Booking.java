package org.custodia.people;

import java.time.Instant;

/** One stay in custody. {@code releasedAt} is null while the person is held. */
public record Booking(long id, String bookingNumber, String facilityCode, long locationId, String locationCode,
                      LegalStatus legalStatus, String commitmentAuthority, String commitmentReference,
                      String commitmentBasis, Instant admittedAt, Instant releasedAt, String releaseBasis,
                      String releaseReference, Instant arrestedAt, String arrestPlace) {
    public boolean active() {
        return releasedAt == null;
    }
}
