package org.custodia.people;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission (one person, a batch, a population taken on, a known person again) and the queries on who is held.
 * Each admission runs in one transaction with its ledger entry and the estate's population count, so a change that
 * fails leaves no trace and a change that succeeds cannot go unrecorded. Moves, transfers received and releases are
 * {@link CustodyMovements}; duplicates are {@link DuplicateFinder}'s.
 */
@Service
public class PeopleService {
    private final JdbcClient client;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;
    private final ObjectProvider<AdmissionGuard> guard;
    private final ObjectProvider<MovementFreeze> freeze;
    private final AccessLog accessLog;
    private final AdmissionRows rows;
    private final BookingRows bookings;

    private final ObjectProvider<EvidenceHold> evidence;

    PeopleService(JdbcClient client, EstateService estate, LedgerService ledger, Clock clock,
                  ObjectProvider<AdmissionGuard> guard, ObjectProvider<MovementFreeze> freeze, AccessLog accessLog,
                  AdmissionRows rows, BookingRows bookings, ObjectProvider<EvidenceHold> evidence) {
        this.evidence = evidence;
        this.freeze = freeze;
        this.rows = rows;
        this.bookings = bookings;
        this.accessLog = accessLog;
        this.guard = guard;
        this.client = client;
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
     * After a population is taken on, in its transaction, before take-ons that join it (a month of regime, health
     * care): the planner's statistics of bookings and people, so that those join 40,000 bookings by hash rather than
     * by 40,000 index probes planned for an empty table (V36). Autovacuum analyses them fully after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void analyseTakenOn() {
        client.sql("select people_analyse()").query().listOfRows();
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

    /** Admissions wait for a count (the freeze), then meet the housing rules. */
    private void guard(List<AdmissionGuard.Arrival> arrivals) {
        arrivals.stream().map(AdmissionGuard.Arrival::facilityCode).distinct().sorted()
                .forEach(f -> freeze.ifAvailable(z -> z.check(f)));
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

    /**
     * The record of someone held now, for what is added only during a stay (legal, clinical records): unknown or out
     * of scope is not found, released is {@code not-in-custody}.
     */
    @Transactional(readOnly = true)
    public PersonRecord held(long personId, Official official) {
        PersonRecord p = find(personId, official);
        if (p.current() == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody");
        }
        return p;
    }

    /** Refuses any change to the records of a person held as evidence (a death in custody). */
    public void requireNotHeldAsEvidence(long personId) {
        EvidenceHold hold = evidence.getIfAvailable();
        if (hold != null && hold.held(personId)) {
            throw new ConflictException(ErrorCode.EVIDENCE_HOLD, "The records of person " + personId
                    + " are held as evidence of a death in custody and are not changed");
        }
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
        return bookings.find(personId);
    }

    public static String fullName(String given, String first, String second) {
        return given + " " + first + (second == null ? "" : " " + second);
    }
}
