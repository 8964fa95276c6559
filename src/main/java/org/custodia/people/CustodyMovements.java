package org.custodia.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody movements of people already admitted: moves between places (checked by the housing module before they
 * get here), the receiving end of a transfer, and release. Each in one transaction with its ledger entry and the
 * estate's population counts.
 */
@Service
public class CustodyMovements {
    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;
    private final BookingRows rows;
    private final ObjectProvider<MovementFreeze> freeze;

    CustodyMovements(JdbcClient client, JdbcTemplate jdbc, EstateService estate, LedgerService ledger, Clock clock,
                     BookingRows rows, ObjectProvider<MovementFreeze> freeze) {
        this.freeze = freeze;
        this.client = client;
        this.jdbc = jdbc;
        this.estate = estate;
        this.ledger = ledger;
        this.clock = clock;
        this.rows = rows;
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
        return rows.lockInCustody(personIds);
    }

    /**
     * Moves people within their facilities in one transaction: bookings, the estate's counts (each target held to
     * {@code limits}, the caps housing checked against; none for places that are not cells) and one ledger entry
     * of {@code type} each, carrying {@code context} (reason, plan, override).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void relocate(Map<Long, Booking> bookings, List<Relocation> moves, Map<Long, Integer> limits, String type,
                         Map<String, Object> context, Actor actor) {
        bookings.values().stream().map(Booking::facilityCode).distinct().sorted().forEach(this::frozen);
        Map<Long, Integer> out = new HashMap<>();
        Map<Long, Integer> in = new HashMap<>();
        List<Object[]> updates = new ArrayList<>(moves.size());
        List<LedgerEvent> events = new ArrayList<>(moves.size());
        Map<Long, String> codes = estate.locationCodes(moves.stream().map(Relocation::toLocationId).toList());
        Instant now = clock.instant();
        for (Relocation m : moves) {
            Booking b = bookings.get(m.personId());
            out.merge(b.locationId(), 1, Integer::sum);
            in.merge(m.toLocationId(), 1, Integer::sum);
            updates.add(new Object[] {m.toLocationId(), b.id()});
            String to = codes.get(m.toLocationId());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("booking", b.bookingNumber());
            payload.put("from", b.locationCode());
            payload.put("to", to);
            payload.putAll(context);
            events.add(new LedgerEvent(b.facilityCode(), m.personId(), type, payload, actor, now));
        }
        estate.vacateAll(out);
        estate.occupyWithin(in, limits);
        jdbc.batchUpdate("update booking set location_id = ? where id = ?", updates);
        ledger.appendAll(events);
    }

    /**
     * The receiving end of a transfer: the booking moves to the receiving facility and location (held to
     * {@code limit} when it is a cell), with a {@code TRANSFER_RECEIVED} entry on the receiving facility's chain.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receive(Booking b, long personId, String toFacility, long toLocationId, Integer limit,
                        Map<String, Object> context, Actor actor) {
        frozen(toFacility);
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

    /** Nobody moves in a facility while it is counted (releases excepted). */
    private void frozen(String facilityCode) {
        freeze.ifAvailable(z -> z.check(facilityCode));
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
        if (basis == ReleaseBasis.DEATH) {
            throw new InvalidRequestException("basis", "a death is recorded as a death in custody (POST "
                    + "/api/serious-cases, kind DEATH): the independent authority is told at once");
        }
        return releaseOn(personId, basis, reference, propertySignedBy, official);
    }

    /**
     * The end of a stay by death, only from the oversight module's death workflow (which has reported it to the
     * independent authority in the same transaction). Property stays on file for the next of kin.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PersonRecord releaseOnDeath(long personId, String caseReference, Official official) {
        return releaseOn(personId, ReleaseBasis.DEATH, caseReference, "Pendiente de entrega a los familiares",
                official);
    }

    /**
     * A death taken on from a facility's earlier records (the oversight module's take-on): the stay ended at
     * {@code at}, with its ledger entry dated then. Nothing else calls this.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOnDeath(long personId, Instant at, String caseReference, Actor actor) {
        Booking b = rows.lockInCustody(List.of(personId)).get(personId);
        if (b == null) {
            throw new IllegalStateException("person " + personId + " is not in custody");
        }
        client.sql("update booking set released_at = ?, release_basis = 'DEATH', release_reference = ? where id = ?")
                .params(Timestamp.from(at), caseReference, b.id()).update();
        estate.vacate(b.locationId());
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "PERSON_RELEASED", java.util.Map.of("booking",
                b.bookingNumber(), "from", b.locationCode(), "basis", ReleaseBasis.DEATH, "reference", caseReference),
                actor, at));
    }

    private PersonRecord releaseOn(long personId, ReleaseBasis basis, String reference, String propertySignedBy,
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
        Booking b = rows.lockActiveBooking(personId, official);
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
        return rows.find(personId);
    }
}
