package org.custodia.people;

import java.time.Instant;

/** One stay in custody. {@code releasedAt} is null while the person is held. */
public record Booking(long id, String bookingNumber, String facilityCode, long locationId, String locationCode,
                      LegalStatus legalStatus, String commitmentAuthority, String commitmentReference,
                      String commitmentBasis, Instant admittedAt, Instant releasedAt, String releaseBasis,
                      String releaseReference, Instant arrestedAt, String arrestPlace) {
    public Booking withLocationCode(String code) {
        return new Booking(id, bookingNumber, facilityCode, locationId, code, legalStatus, commitmentAuthority,
                commitmentReference, commitmentBasis, admittedAt, releasedAt, releaseBasis, releaseReference,
                arrestedAt, arrestPlace);
    }

    public boolean active() {
        return releasedAt == null;
    }

    /**
     * The stay as an official of another facility sees it: where, when it began and ended, and how it ended; not
     * the commitment, the cell or the booking number.
     */
    public Booking seenFromElsewhere() {
        return new Booking(id, null, facilityCode, 0, null, legalStatus, null, null, null, admittedAt, releasedAt,
                releaseBasis, null, null, null);
    }
}
