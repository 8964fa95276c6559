package org.custodia.regime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.housing.GatheringCheck;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.Booking;
import org.custodia.people.CustodyMovements;
import org.custodia.people.MovementFreeze;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.custodia.platform.PersonLocator;
import org.custodia.platform.validation.RecordCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Movements out of the cell: an escorted group leaves for one place and each person comes back on their own. Under
 * the lock of their bookings (so a move or a release cannot cross it) and of the destination (so two groups sent to
 * one yard at once are checked together): nobody leaves who is already out, and nobody is taken where a rival or a
 * non-associated person already is ({@link GatheringCheck}). Each person's leaving and return is a ledger entry.
 */
@Service
public class MovementService {
    private static final int DESTINATION_LOCK = 8;

    private final JdbcClient client;
    private final EstateService estate;
    private final CustodyMovements custody;
    private final PersonLocator locator;
    private final GatheringCheck gathering;
    private final ObjectProvider<MovementFreeze> freeze;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    MovementService(JdbcClient client, EstateService estate, CustodyMovements custody, PersonLocator locator,
                    GatheringCheck gathering, ObjectProvider<MovementFreeze> freeze, LedgerService ledger,
                    RecordCheck check, Clock clock) {
        this.client = client;
        this.estate = estate;
        this.custody = custody;
        this.locator = locator;
        this.gathering = gathering;
        this.freeze = freeze;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    /** Who comes back (everyone still out when nobody is named), with an optional note. */
    public record Return(@jakarta.validation.constraints.Size(max = 200) List<@jakarta.validation.constraints.NotNull Long> personIds,
                         @org.custodia.platform.validation.Text(max = 2000, multiline = true) String note) {
    }

    @Transactional
    public Movement leave(NewMovement n, Official official) {
        check.require(n, "The movement was not recorded; nothing was changed");
        Instant now = clock.instant();
        if (!n.dueBackAt().isAfter(now)) {
            throw new InvalidRequestException("dueBackAt", "a time after now");
        }
        if (n.isEmergency() && (n.reason() == null || n.reason().isBlank())) {
            throw new InvalidRequestException("reason", "required for an emergency: what happened");
        }
        Location to = estate.location(n.destinationId()).filter(l -> official.sees(l.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No location " + n.destinationId()));
        if (!n.purpose().fits(to.kind())) {
            throw new InvalidRequestException("destinationId", "a place for " + n.purpose() + ": one of "
                    + n.purpose().places());
        }
        if (!n.isEmergency()) {
            freeze.ifAvailable(f -> f.check(to.facilityCode()));
        }
        List<Long> ids = n.personIds().stream().distinct().sorted().toList();
        Map<Long, Booking> bookings = inCustodyAt(ids, to.facilityCode(), official);
        List<Long> alreadyOut = client.sql("select person_id from movement_person where person_id = any(?) "
                        + "and returned_at is null order by person_id")
                .param(ids.toArray(Long[]::new)).query(Long.class).list();
        if (!alreadyOut.isEmpty()) {
            throw new ConflictException(ErrorCode.OUT_OF_CELL, "Out of their cell already (they come back first): "
                    + alreadyOut, Map.of("personIds", alreadyOut));
        }
        client.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(DESTINATION_LOCK, (int) to.id())
                .query(Integer.class).single();
        List<GatheringCheck.Clash> clashes = gathering.newClashes(client.sql(
                "select person_id from regime_out_of_cell where destination_id = ?").param(to.id()).query(Long.class)
                .list(), ids);
        if (!clashes.isEmpty() && !n.isEmergency()) {
            throw new ConflictException(ErrorCode.HOUSING_RULE, "These people may not be together at " + to.code()
                    + " or under one escort: " + clashes.stream().map(c -> c.rule() + " " + c.personA() + "/"
                    + c.personB()).toList() + "; nobody was moved", Map.of("clashes", clashes));
        }
        long id = client.sql("""
                        insert into movement (facility_code, destination_id, purpose, escort, emergency, reason, left_at,
                                              due_back_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(to.facilityCode(), to.id(), n.purpose().name(), n.escort().strip(), n.isEmergency(),
                        n.reason() == null ? null : n.reason().strip(), Timestamp.from(now),
                        Timestamp.from(n.dueBackAt()), official.username())
                .query(Long.class).single();
        List<LedgerEvent> events = new ArrayList<>(ids.size());
        for (long person : ids) {
            Booking b = bookings.get(person);
            client.sql("insert into movement_person (movement_id, person_id, from_location_id) values (?, ?, ?)")
                    .params(id, person, b.locationId()).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("movement", id);
            payload.put("from", b.locationCode());
            payload.put("to", to.code());
            payload.put("purpose", n.purpose().name());
            payload.put("dueBackAt", n.dueBackAt().toString());
            if (n.isEmergency()) {
                payload.put("emergency", true);
                payload.put("clashes", clashes.size());
            }
            events.add(new LedgerEvent(to.facilityCode(), person, "LEFT_CELL", payload, Actor.of(official), now));
        }
        ledger.appendAll(events);
        return find(id, official);
    }

    /** The people's active bookings, locked; each must be held inside the walls of the facility of the place. */
    private Map<Long, Booking> inCustodyAt(List<Long> ids, String facility, Official official) {
        Map<Long, Booking> bookings = custody.lockInCustody(ids);
        Map<Long, String> known = locator.facilitiesOf(ids);
        List<Long> absent = new ArrayList<>();
        for (long id : ids) {
            String where = known.get(id);
            if (where == null || !official.sees(where)) {
                throw new NotFoundException("No person " + id);
            }
            Booking b = bookings.get(id);
            if (b == null) {
                absent.add(id);
            } else if (!b.facilityCode().equals(facility)) {
                throw new ConflictException(ErrorCode.CONFLICT, "Person " + id + " is held at " + b.facilityCode()
                        + ", not at " + facility + " (between facilities a person is transferred)");
            }
        }
        if (!absent.isEmpty()) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Not in custody: " + absent,
                    Map.of("personIds", absent));
        }
        Map<Long, Location> from = estate.locations(bookings.values().stream().map(Booking::locationId).toList());
        for (var e : bookings.entrySet()) {
            if (from.get(e.getValue().locationId()).kind().outsideTheWalls()) {
                throw new ConflictException(ErrorCode.CONFLICT, "Person " + e.getKey() + " is not inside the "
                        + "facility now (" + e.getValue().locationCode() + ")");
            }
        }
        return bookings;
    }

    /** The people come back to their cells (all who are still out when none are named). */
    @Transactional
    public Movement comeBack(long movementId, Return r, Official official) {
        Map<String, Object> m = client.sql("select facility_code, emergency from movement where id = ?")
                .param(movementId).query().listOfRows().stream().findFirst()
                .filter(row -> official.sees((String) row.get("facility_code")))
                .orElseThrow(() -> new NotFoundException("No movement " + movementId));
        String facility = (String) m.get("facility_code");
        if (r != null) {
            check.require(r, "Nobody was returned");
        }
        if (!(Boolean) m.get("emergency")) {
            freeze.ifAvailable(f -> f.check(facility));
        }
        List<Long> out = client.sql("select person_id from movement_person where movement_id = ? "
                + "and returned_at is null order by person_id").param(movementId).query(Long.class).list();
        List<Long> named = r == null || r.personIds() == null || r.personIds().isEmpty() ? out
                : r.personIds().stream().distinct().sorted().toList();
        List<Long> strangers = named.stream().filter(p -> !out.contains(p)).toList();
        if (!strangers.isEmpty()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Not out on movement " + movementId + ": "
                    + strangers, Map.of("personIds", strangers));
        }
        if (named.isEmpty()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Everyone on movement " + movementId
                    + " has come back");
        }
        Map<Long, Booking> bookings = custody.lockInCustody(named);
        Instant now = clock.instant();
        List<LedgerEvent> events = new ArrayList<>(named.size());
        for (long person : named) {
            client.sql("update movement_person set returned_at = ?, returned_by = ? where movement_id = ? "
                            + "and person_id = ?")
                    .params(Timestamp.from(now), official.username(), movementId, person).update();
            Booking b = bookings.get(person);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("movement", movementId);
            // released while out (by a court): the record of the movement is closed all the same
            payload.put("to", b == null ? "RELEASED" : b.locationCode());
            if (r != null && r.note() != null && !r.note().isBlank()) {
                payload.put("note", r.note().strip());
            }
            events.add(new LedgerEvent(facility, person, "RETURNED_TO_CELL", payload, Actor.of(official), now));
        }
        ledger.appendAll(events);
        return find(movementId, official);
    }

    @Transactional(readOnly = true)
    public Movement find(long id, Official official) {
        Movement m = client.sql("""
                        select m.id, m.facility_code, m.destination_id, d.code, m.purpose, m.escort, m.emergency, m.reason,
                               m.left_at, m.due_back_at, m.recorded_by
                          from movement m join estate_place d on d.id = m.destination_id where m.id = ?""")
                .param(id).query((rs, n) -> new Movement(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), Purpose.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
                        rs.getString(11), List.of()))
                .optional().filter(x -> official.sees(x.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No movement " + id));
        List<Movement.Mover> movers = client.sql("""
                        select mp.person_id, n.given_names, n.first_surname, n.second_surname, f.code, mp.returned_at,
                               mp.returned_by
                          from movement_person mp join people_name n on n.person_id = mp.person_id
                          join estate_place f on f.id = mp.from_location_id
                         where mp.movement_id = ? order by mp.person_id""")
                .param(id).query((rs, n) -> new Movement.Mover(rs.getLong(1),
                        PeopleService.fullName(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5),
                        instant(rs.getTimestamp(6)), rs.getString(7))).list();
        return new Movement(m.id(), m.facilityCode(), m.destinationId(), m.destinationCode(), m.purpose(), m.escort(),
                m.emergency(), m.reason(), m.leftAt(), m.dueBackAt(), m.recordedBy(), movers);
    }

    /** Who is out of their cell in the facility now (only the overdue when asked), longest out first. */
    @Transactional(readOnly = true)
    public Page<OutOfCell> out(String facility, boolean overdueOnly, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        Timestamp now = Timestamp.from(clock.instant());
        String where = " where o.facility_code = ? and (not ? or o.due_back_at < ?)";
        long total = client.sql("select count(*) from regime_out_of_cell o join people_in_custody p "
                        + "on p.person_id = o.person_id" + where)
                .params(facility, overdueOnly, now).query(Long.class).single();
        List<OutOfCell> items = client.sql("""
                        select o.person_id, p.given_names, p.first_surname, p.second_surname, o.movement_id, f.code,
                               d.code, o.purpose, o.left_at, o.due_back_at
                          from regime_out_of_cell o join people_in_custody p on p.person_id = o.person_id
                          join estate_place f on f.id = o.from_location_id
                          join estate_place d on d.id = o.destination_id""" + where
                        + " order by o.left_at, o.person_id limit ? offset ?")
                .params(facility, overdueOnly, now, size, Page.offset(page, size))
                .query((rs, n) -> outOfCell(rs, now.toInstant())).list();
        return new Page<>(items, page, size, total);
    }

    /** How many are out of their cells in the facility now, by purpose, and how many of them are overdue. */
    @Transactional(readOnly = true)
    public Map<String, Long> outByPurpose(String facility) {
        Map<String, Long> out = new TreeMap<>();
        client.sql("""
                        select o.purpose, count(*) from regime_out_of_cell o
                          join people_in_custody p on p.person_id = o.person_id
                         where o.facility_code = ? group by o.purpose""")
                .param(facility).query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private static OutOfCell outOfCell(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp(10).toInstant();
        return new OutOfCell(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3),
                rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7), Purpose.valueOf(rs.getString(8)),
                rs.getTimestamp(9).toInstant(), due, due.isBefore(now));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
