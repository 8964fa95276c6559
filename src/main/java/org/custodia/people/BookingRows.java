package org.custodia.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads people and their bookings for the people module's services (admission, queries, custody movements): one
 * query shape for a booking, the place codes filled in from the estate in one call, and the active booking locked
 * for a change.
 */
@Component
class BookingRows {
    private final JdbcClient client;
    private final EstateService estate;

    BookingRows(JdbcClient client, EstateService estate) {
        this.client = client;
        this.estate = estate;
    }

    /** The whole record, whoever asks (scope is the caller's to check); null when there is no such person. */
    PersonRecord find(long personId) {
        Map<String, Object> row = client.sql("""
                        select id, given_names, first_surname, second_surname, date_of_birth, sex, nationality,
                               id_document from person where id = ?""")
                .param(personId).query().listOfRows().stream().findFirst().orElse(null);
        if (row == null) {
            return null;
        }
        List<String> aliases = client.sql("select alias from person_alias where person_id = ? order by alias")
                .param(personId).query(String.class).list();
        List<Booking> bookings = client.sql(BOOKING_SELECT + " where b.person_id = ? order by b.admitted_at desc, b.id desc")
                .param(personId).query(this::booking).list();
        bookings = withCodes(bookings);
        Booking current = bookings.stream().filter(Booking::active).findFirst().orElse(null);
        String given = (String) row.get("given_names");
        String first = (String) row.get("first_surname");
        String second = (String) row.get("second_surname");
        Date dob = (Date) row.get("date_of_birth");
        return new PersonRecord(personId, given, first, second, PeopleService.fullName(given, first, second), aliases,
                dob == null ? null : dob.toLocalDate(), Sex.valueOf((String) row.get("sex")),
                (String) row.get("nationality"), (String) row.get("id_document"), current, bookings);
    }

    /**
     * Locks the active bookings of the people (in person order, so concurrent callers cannot deadlock) and returns
     * them by person; people not in custody are absent.
     */
    Map<Long, Booking> lockInCustody(Collection<Long> personIds) {
        Map<Long, Booking> out = new LinkedHashMap<>();
        client.sql(BOOKING_SELECT + " where b.person_id = any(?) and b.released_at is null order by b.person_id for update of b")
                .param(personIds.stream().mapToLong(Long::longValue).distinct().sorted().boxed().toArray(Long[]::new))
                .query((rs, n) -> {
                    out.put(rs.getLong(15), booking(rs, n));
                    return null;
                }).list();
        Map<Long, String> codes = estate.locationCodes(out.values().stream().map(Booking::locationId).toList());
        out.replaceAll((person, b) -> b.withLocationCode(codes.get(b.locationId())));
        return out;
    }

    private static final String BOOKING_SELECT = """
            select b.id, b.booking_number, b.facility_code, b.location_id, b.legal_status, b.commitment_authority,
                   b.commitment_reference, b.commitment_basis, b.admitted_at, b.released_at, b.release_basis,
                   b.release_reference, b.arrested_at, b.arrest_place, b.person_id
              from booking b""";

    private List<Booking> withCodes(List<Booking> bookings) {
        Map<Long, String> codes = estate.locationCodes(bookings.stream().map(Booking::locationId).toList());
        return bookings.stream().map(b -> b.withLocationCode(codes.get(b.locationId()))).toList();
    }

    private Booking booking(ResultSet rs, int n) throws SQLException {
        long locationId = rs.getLong(4);
        Timestamp released = rs.getTimestamp(10);
        // the place's code is estate's: filled in by withCodes
        return new Booking(rs.getLong(1), rs.getString(2), rs.getString(3), locationId, null,
                LegalStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), released == null ? null : released.toInstant(), rs.getString(11),
                rs.getString(12), toInstant(rs.getTimestamp(13)), rs.getString(14));
    }

    Booking lockActiveBooking(long personId, Official official) {
        Booking b = client.sql(BOOKING_SELECT + " where b.person_id = ? and b.released_at is null for update of b")
                .param(personId).query(this::booking).optional().map(x -> withCodes(List.of(x)).getFirst())
                .orElse(null);
        if (b == null) {
            // Either unknown, out of scope, or released: say which only to those who may see the person.
            PersonRecord p = find(personId);
            Booking latest = p == null || p.bookings().isEmpty() ? null : p.bookings().getFirst();
            if (latest == null || !official.sees(latest.facilityCode())) {
                throw new NotFoundException("No person " + personId);
            }
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody");
        }
        if (!official.sees(b.facilityCode())) {
            throw new NotFoundException("No person " + personId);
        }
        return b;
    }

    private static Instant toInstant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
