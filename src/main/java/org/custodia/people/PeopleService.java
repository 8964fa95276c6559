package org.custodia.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission, move and release. Each runs in one transaction with its ledger entry and the estate's population
 * count, so a change that fails leaves no trace and a change that succeeds cannot go unrecorded.
 */
@Service
public class PeopleService {
    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;
    private final ObjectProvider<AdmissionGuard> guard;
    private final AccessLog accessLog;
    private final AdmissionRows rows;

    PeopleService(JdbcClient client, JdbcTemplate jdbc, EstateService estate, LedgerService ledger, Clock clock,
                  ObjectProvider<AdmissionGuard> guard, AccessLog accessLog, AdmissionRows rows) {
        this.rows = rows;
        this.accessLog = accessLog;
        this.guard = guard;
        this.client = client;
        this.jdbc = jdbc;
        this.estate = estate;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public PersonRecord admit(Admission a, Official official) {
        Map<String, String> errors = AdmissionRules.check(a, clock.instant(), LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The admission is incomplete or invalid; nobody was admitted", errors);
        }
        if (!official.sees(a.facilityCode())) {
            throw new NotFoundException("No facility " + a.facilityCode());
        }
        Location location = estate.location(a.locationId())
                .filter(l -> l.facilityCode().equals(a.facilityCode()))
                .orElseThrow(() -> new InvalidRequestException("locationId",
                        "no such location in facility " + a.facilityCode()));
        if (location.kind().outsideTheWalls()) {
            throw new InvalidRequestException("locationId", "a person is admitted to a place inside the facility");
        }
        guard(List.of(arrival(null, a)));
        estate.occupy(location.id(), true);
        long personId = rows.nextIds("person", 1)[0];
        long bookingId = rows.nextIds("booking", 1)[0];
        Instant now = clock.instant();
        String bookingNumber = rows.bookingNumbers(List.of(a), new Instant[] {now})[0];
        rows.insertPeople(List.of(a), new long[] {personId}, now);
        rows.insertBookings(List.of(a), new long[] {personId}, new long[] {bookingId}, new String[] {bookingNumber},
                new Instant[] {now});
        ledger.append(AdmissionRows.admitted(a, personId, bookingNumber, location, "PERSON_ADMITTED",
                Actor.of(official), now, now));
        return find(personId);
    }

    /** Someone already held when Custodia starts keeping the facility's records, and since when. */
    public record TakenOn(Admission admission, Instant admittedAt) {
    }

    /**
     * Takes on the existing population of a facility when Custodia starts keeping its records (the demo load, or
     * a migration): people are recorded where they are, even in cells already over capacity, because the record
     * must match reality, and with the day they were admitted. Each person gets a {@code CUSTODY_TAKEN_ON} ledger
     * entry (which happens now, and names the admission date); batches are written together.
     */
    @Transactional
    public long[] takeOn(List<TakenOn> people, Actor actor) {
        Instant now = clock.instant();
        for (int i = 0; i < people.size(); i++) {
            Instant at = people.get(i).admittedAt();
            if (at.isAfter(now) || at.isBefore(people.get(i).admission().commitment().arrestedAt())) {
                throw new InvalidRequestException("admittedAt", "row " + (i + 1) + ": between the arrest and now");
            }
        }
        // The search terms' GIN indexes take a population's terms into their pending list, merged in bulk by
        // finishTakingOn (a third of the time of merging them 4 MB at a time)
        client.sql("set local gin_pending_list_limit = '64MB'").update();
        return admitAll(people.stream().map(TakenOn::admission).toList(),
                people.stream().map(TakenOn::admittedAt).toArray(Instant[]::new), actor, "CUSTODY_TAKEN_ON", false);
    }

    /**
     * The end of a take-on, in its transaction: the search terms still in the indexes' pending lists are merged, so
     * that searching is fast at once (a pending list is read in full by every search).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finishTakingOn() {
        client.sql("select people_merge_search_pending()").query(Long.class).single();
    }

    /**
     * Admits a batch (a transfer flight, a mass arrest) in one transaction: every row must be valid and its
     * location may not be a full cell; each person gets a {@code PERSON_ADMITTED} entry, chained together.
     */
    @Transactional
    public long[] admitBatch(List<Admission> people, Official official) {
        for (Admission a : people) {
            if (!official.sees(a.facilityCode())) {
                throw new NotFoundException("No facility " + a.facilityCode());
            }
        }
        Instant[] now = new Instant[people.size()];
        java.util.Arrays.fill(now, clock.instant());
        return admitAll(people, now, Actor.of(official), "PERSON_ADMITTED", true);
    }

    /**
     * A known person admitted again (a new stay): a new booking with its own commitment record, in reception;
     * refused while they are still in custody.
     */
    @Transactional
    public PersonRecord readmit(long personId, Admission a, Official official) {
        PersonRecord known = find(personId);
        if (known == null) {
            throw new NotFoundException("No person " + personId);
        }
        // Someone last held outside the official's scope may be readmitted (transfers and re-arrests happen); the
        // ledger and the access log say so, and their earlier stays elsewhere stay out of sight.
        String lastFacility = known.bookings().isEmpty() ? null : known.bookings().getFirst().facilityCode();
        boolean elsewhere = lastFacility != null && !official.sees(lastFacility);
        Map<String, String> errors = problems(a);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The admission is incomplete or invalid; nobody was admitted", errors);
        }
        if (!official.sees(a.facilityCode())) {
            throw new NotFoundException("No facility " + a.facilityCode());
        }
        if (client.sql("select count(*) from booking where person_id = ? and released_at is null").param(personId)
                .query(Long.class).single() > 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Person " + personId + " is already in custody");
        }
        Location location = estate.location(a.locationId()).filter(l -> l.facilityCode().equals(a.facilityCode()))
                .orElseThrow(() -> new InvalidRequestException("locationId", "no such location"));
        guard(List.of(arrival(personId, a)));
        estate.occupy(location.id(), true);
        Instant now = clock.instant();
        long bookingId = rows.nextIds("booking", 1)[0];
        String number = rows.bookingNumbers(List.of(a), new Instant[] {now})[0];
        rows.insertBookings(List.of(a), new long[] {personId}, new long[] {bookingId}, new String[] {number},
                new Instant[] {now});
        LedgerEvent event = AdmissionRows.admitted(a, personId, number, location, "PERSON_READMITTED",
                Actor.of(official), now, now);
        if (elsewhere) {
            Map<String, Object> payload = new LinkedHashMap<>(event.payload());
            payload.put("lastHeldAt", lastFacility);
            event = new LedgerEvent(event.chain(), personId, event.type(), payload, event.actor(), now);
            accessLog.record("READMIT_KNOWN_ELSEWHERE", "person", Long.toString(personId),
                    "readmitted at " + a.facilityCode() + "; last held at " + lastFacility);
        }
        ledger.append(event);
        return find(personId, official);
    }

    private void guard(List<AdmissionGuard.Arrival> arrivals) {
        guard.ifAvailable(g -> g.check(arrivals));
    }

    private static AdmissionGuard.Arrival arrival(Long personId, Admission a) {
        return new AdmissionGuard.Arrival(personId, a.facilityCode(), a.locationId(), a.sex(), a.dateOfBirth(),
                a.legalStatus());
    }

    /** What is wrong with an admission, field by field (empty when it is valid). */
    public Map<String, String> problems(Admission a) {
        return AdmissionRules.check(a, clock.instant(), LocalDate.now(clock));
    }

    private long[] admitAll(List<Admission> people, Instant[] admittedAt, Actor actor, String eventType,
                            boolean enforceCapacity) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Location> locations = estate.locations(people.stream().map(Admission::locationId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Admission a = people.get(i);
            Map<String, String> errors = AdmissionRules.check(a, clock.instant(), today);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException("Row " + (i + 1) + " is invalid", errors);
            }
            Location l = locations.get(a.locationId());
            if (l == null || !l.facilityCode().equals(a.facilityCode())) {
                throw new InvalidRequestException("locationId", "row " + (i + 1) + ": no such location");
            }
            counts.merge(l.id(), 1, Integer::sum);
        }

        if (enforceCapacity) {
            guard(people.stream().map(a -> arrival(null, a)).toList());
        }
        Instant now = clock.instant();
        long[] personIds = rows.nextIds("person", people.size());
        long[] bookingIds = rows.nextIds("booking", people.size());
        String[] numbers = rows.bookingNumbers(people, admittedAt);
        rows.insertPeople(people, personIds, now);
        rows.insertBookings(people, personIds, bookingIds, numbers, admittedAt);
        estate.occupyAll(counts, enforceCapacity);
        List<LedgerEvent> events = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Admission a = people.get(i);
            events.add(AdmissionRows.admitted(a, personIds[i], numbers[i], locations.get(a.locationId()), eventType,
                    actor, now, admittedAt[i]));
        }
        ledger.appendAll(events);
        return personIds;
    }

    /** Someone held untried: pretrial detention counts from the arrest (or, in older records, the admission). */
    public record UntriedCustody(long personId, String fullName, String bookingNumber, String facilityCode,
                                 Instant since) {
    }

    /** Everyone held untried in the official's facilities (optionally one facility). */
    @Transactional(readOnly = true)
    public List<UntriedCustody> untried(Official official, String facilityCode) {
        return held(official, facilityCode, LegalStatus.UNTRIED);
    }

    /** Everyone held with a legal status in the official's facilities (optionally one facility). */
    @Transactional(readOnly = true)
    public List<UntriedCustody> held(Official official, String facilityCode, LegalStatus status) {
        return client.sql("""
                        select p.id, p.given_names, p.first_surname, p.second_surname, b.booking_number, b.facility_code,
                               coalesce(b.arrested_at, b.admitted_at)
                          from booking b join person p on p.id = b.person_id
                         where b.released_at is null and b.legal_status = ?
                           and (? or b.facility_code = any(?)) and (cast(? as text) is null or b.facility_code = ?)""")
                .params(status.name(), official.national(), official.facilityArray(), facilityCode, facilityCode)
                .query((rs, n) -> new UntriedCustody(rs.getLong(1), fullName(rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** One person's change of location, checked by the housing module before it gets here. */
    public record Relocation(long personId, long toLocationId) {
    }

    /**
     * Locks the active bookings of the people (in person order, so concurrent callers cannot deadlock) and returns
     * them by person; people not in custody are absent. Scope is the caller's to check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Booking> lockInCustody(Collection<Long> personIds) {
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

    /**
     * Moves people within their facilities in one transaction: bookings, the estate's counts (each target held to
     * {@code limits}, the caps housing checked against; none for places that are not cells) and one ledger entry
     * of {@code type} each, carrying {@code context} (reason, plan, override).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void relocate(Map<Long, Booking> bookings, List<Relocation> moves, Map<Long, Integer> limits, String type,
                         Map<String, Object> context, Actor actor) {
        Map<Long, Integer> out = new HashMap<>();
        Map<Long, Integer> in = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(moves.size());
        List<LedgerEvent> events = new ArrayList<>(moves.size());
        Map<Long, String> codes = new HashMap<>();
        Instant now = clock.instant();
        for (Relocation m : moves) {
            Booking b = bookings.get(m.personId());
            out.merge(b.locationId(), 1, Integer::sum);
            in.merge(m.toLocationId(), 1, Integer::sum);
            rows.add(new Object[] {m.toLocationId(), b.id()});
            String to = codes.computeIfAbsent(m.toLocationId(),
                    id -> estate.location(id).map(Location::code).orElseThrow());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("booking", b.bookingNumber());
            payload.put("from", b.locationCode());
            payload.put("to", to);
            payload.putAll(context);
            events.add(new LedgerEvent(b.facilityCode(), m.personId(), type, payload, actor, now));
        }
        estate.vacateAll(out);
        estate.occupyWithin(in, limits);
        jdbc.batchUpdate("update booking set location_id = ? where id = ?", rows);
        ledger.appendAll(events);
    }

    /**
     * The receiving end of a transfer: the booking moves to the receiving facility and location (held to
     * {@code limit} when it is a cell), with a {@code TRANSFER_RECEIVED} entry on the receiving facility's chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receive(Booking b, long personId, String toFacility, long toLocationId, Integer limit,
                        Map<String, Object> context, Actor actor) {
        estate.vacateAll(Map.of(b.locationId(), 1));
        estate.occupyWithin(Map.of(toLocationId, 1), limit == null ? Map.of() : Map.of(toLocationId, limit));
        client.sql("update booking set facility_code = ?, location_id = ? where id = ?")
                .params(toFacility, toLocationId, b.id()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("booking", b.bookingNumber());
        payload.put("from", b.facilityCode() + "/" + b.locationCode());
        payload.put("to", estate.location(toLocationId).map(Location::code).orElseThrow());
        payload.putAll(context);
        ledger.append(new LedgerEvent(toFacility, personId, "TRANSFER_RECEIVED", payload, actor, clock.instant()));
    }

    @Transactional
    public PersonRecord release(long personId, ReleaseBasis basis, String reference, Official official) {
        return release(personId, basis, reference, null, official);
    }

    /**
     * Release on a legal basis. Property on file is returned and signed for: {@code propertySignedBy} names who
     * received it (the person, or on a death their next of kin). Nobody is released twice.
     */
    @Transactional
    public PersonRecord release(long personId, ReleaseBasis basis, String reference, String propertySignedBy,
                                Official official) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (basis == null) {
            errors.put("basis", "required: the legal basis of the release");
        }
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            errors.put("reference", "required: the order or document, at most 200 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The release needs its basis; nothing was changed", errors);
        }
        Booking b = lockActiveBooking(personId, official);
        List<String> property = client.sql("""
                        select e.content ->> 'item' from record_entry e
                         where e.person_id = ? and e.section = 'PROPERTY' and not e.none_declared
                           and not exists (select 1 from record_entry s where s.supersedes = e.id) order by e.id""")
                .param(personId).query(String.class).list();
        if (!property.isEmpty() && (propertySignedBy == null || propertySignedBy.isBlank()
                || propertySignedBy.length() > 200)) {
            throw new InvalidRequestException("The release needs its basis; nothing was changed", Map.of(
                    "propertySignedBy", "the property on file (" + property.size()
                            + " items) is returned and signed for: name who received it"));
        }
        Instant now = clock.instant();
        client.sql("update booking set released_at = ?, release_basis = ?, release_reference = ? where id = ?")
                .params(Timestamp.from(now), basis.name(), reference.strip(), b.id()).update();
        estate.vacate(b.locationId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("booking", b.bookingNumber());
        payload.put("from", b.locationCode());
        payload.put("basis", basis);
        payload.put("reference", reference.strip());
        payload.put("propertyReturned", property);
        payload.put("propertySignedBy", property.isEmpty() ? null : propertySignedBy.strip());
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "PERSON_RELEASED", payload, Actor.of(official),
                now));
        return find(personId);
    }

    /**
     * The person's record, if the official's scope covers the facility of their latest stay. Earlier stays in
     * facilities outside that scope show only where, when they ended and on what basis.
     */
    @Transactional(readOnly = true)
    public PersonRecord find(long personId, Official official) {
        PersonRecord p = find(personId);
        Booking latest = p == null || p.bookings().isEmpty() ? null : p.bookings().getFirst();
        if (latest == null || !official.sees(latest.facilityCode())) {
            throw new NotFoundException("No person " + personId);
        }
        if (official.national()) {
            return p;
        }
        List<Booking> bookings = p.bookings().stream()
                .map(b -> official.sees(b.facilityCode()) ? b : b.seenFromElsewhere()).toList();
        return new PersonRecord(p.id(), p.givenNames(), p.firstSurname(), p.secondSurname(), p.fullName(),
                p.aliases(), p.dateOfBirth(), p.sex(), p.nationality(), p.idDocument(), p.current(), bookings);
    }

    /** People held in a location, for the cell page. */
    @Transactional(readOnly = true)
    public List<Occupant> occupants(long locationId) {
        return client.sql("""
                        select p.id, b.booking_number, p.given_names, p.first_surname, p.second_surname,
                               b.legal_status, b.admitted_at
                          from booking b join person p on p.id = b.person_id
                         where b.location_id = ? and b.released_at is null order by p.first_surname, p.id""")
                .param(locationId)
                .query((rs, n) -> new Occupant(rs.getLong(1), rs.getString(2),
                        fullName(rs.getString(3), rs.getString(4), rs.getString(5)),
                        LegalStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Active bookings per location: the figure the estate's population counts must equal. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> heldPerLocation() {
        Map<Long, Integer> m = new HashMap<>();
        client.sql("select location_id, count(*) from booking where released_at is null group by location_id")
                .query((ResultSet rs) -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                });
        return m;
    }

    public record Occupant(long personId, String bookingNumber, String fullName, LegalStatus legalStatus,
                           Instant admittedAt) {
    }

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
        return new PersonRecord(personId, given, first, second, fullName(given, first, second), aliases,
                dob == null ? null : dob.toLocalDate(), Sex.valueOf((String) row.get("sex")),
                (String) row.get("nationality"), (String) row.get("id_document"), current, bookings);
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
            PersonRecord p = find(personId, official);
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + p.id() + " is not in custody");
        }
        if (!official.sees(b.facilityCode())) {
            throw new NotFoundException("No person " + personId);
        }
        return b;
    }

    private static Instant toInstant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static String fullName(String given, String first, String second) {
        return given + " " + first + (second == null ? "" : " " + second);
    }
}
