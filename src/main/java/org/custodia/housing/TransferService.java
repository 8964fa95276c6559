package org.custodia.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.housing.placement.HousingData;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.Violation;
import org.custodia.ledger.Actor;
import org.custodia.people.Booking;
import org.custodia.people.CustodyMovements.Relocation;
import org.custodia.people.CustodyMovements;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers between facilities. Dispatch moves the person to the sending facility's transit location (still
 * counted there, {@code TRANSFER_DISPATCHED} on its chain); receipt moves the booking to the receiving facility
 * ({@code TRANSFER_RECEIVED} on that chain), after re-checking, under the receiving facility's lock, facility-level
 * non-associations and, when received straight into a cell, capacity and separation.
 */
@Service
public class TransferService {
    public record NewTransfer(Long personId,
                              @Text(max = 100) String toFacility,
                              @Text(max = 300) String authorityReference,
                              @Text(max = 2000, multiline = true) String reason) {
    }

    public record Transfer(long id, long personId, String fromFacility, String toFacility, String status,
                           String authorityReference, String reason, String dispatchedBy, Instant dispatchedAt,
                           String receivedBy, Instant receivedAt) {
    }

    private static final String SELECT = """
            select id, person_id, from_facility, to_facility,
                   case when received_at is null then 'IN_TRANSIT' else 'RECEIVED' end, authority_reference, reason,
                   dispatched_by, dispatched_at, received_by, received_at from transfer""";

    private final JdbcClient client;
    private final PeopleService people;
    private final CustodyMovements custody;
    private final EstateService estate;
    private final HousingData data;
    private final Clock clock;

    TransferService(JdbcClient client, PeopleService people, CustodyMovements custody, EstateService estate, HousingData data, Clock clock) {
        this.client = client;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.data = data;
        this.clock = clock;
    }

    @Transactional
    public Transfer dispatch(NewTransfer t, Official official) {
        Map<String, String> e = new LinkedHashMap<>();
        if (t == null || t.personId() == null) {
            e.put("personId", "required");
        }
        if (t == null || t.toFacility() == null || !estate.exists(t.toFacility())) {
            e.put("toFacility", "an existing facility");
        }
        if (t == null || t.authorityReference() == null || t.authorityReference().isBlank()
                || t.authorityReference().length() > 200) {
            e.put("authorityReference", "required: the order authorising the transfer, at most 200 characters");
        }
        if (t == null || t.reason() == null || t.reason().isBlank() || t.reason().length() > 1000) {
            e.put("reason", "required, at most 1000 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The transfer cannot be dispatched; nothing was changed", e);
        }
        Map<Long, Booking> bookings = custody.lockInCustody(List.of(t.personId()));
        Booking b = bookings.get(t.personId());
        if (b == null) {
            people.find(t.personId(), official);
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + t.personId() + " is not in custody");
        }
        if (!official.sees(b.facilityCode())) {
            throw new NotFoundException("No person " + t.personId());
        }
        if (b.facilityCode().equals(t.toFacility())) {
            throw new InvalidRequestException("toFacility", "the person is already held in " + t.toFacility());
        }
        if (client.sql("select count(*) from transfer where person_id = ? and received_at is null")
                .param(t.personId()).query(Long.class).single() > 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Person " + t.personId() + " is already in transit");
        }
        refuse(data.around(List.of(), List.of(), List.of(t.personId())).facilityClashes(t.personId(), t.toFacility()));
        Location transit = estate.locations(b.facilityCode()).stream().filter(l -> l.kind() == LocationKind.TRANSIT)
                .findFirst().orElseThrow(() -> new ConflictException(b.facilityCode() + " has no transit location"));
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into transfer (person_id, booking_id, from_facility, to_facility, authority_reference,
                                              reason, dispatched_by, dispatched_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(t.personId(), b.id(), b.facilityCode(), t.toFacility(), t.authorityReference().strip(),
                        t.reason().strip(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("transfer", id);
        ctx.put("toFacility", t.toFacility());
        ctx.put("authorityReference", t.authorityReference().strip());
        ctx.put("reason", t.reason().strip());
        custody.relocate(bookings, List.of(new Relocation(t.personId(), transit.id())), Map.of(), "TRANSFER_DISPATCHED",
                ctx, Actor.of(official));
        return find(id);
    }

    /**
     * Receives a person in transit, into reception or straight into a cell of the receiving facility, on the
     * transfer order the dispatch cited ({@code orderReference} must be that order).
     */
    @Transactional
    public Transfer receive(long id, Long toLocationId, String orderReference, Official official) {
        Transfer t = client.sql(SELECT + " where id = ? for update").param(id).query(TransferService::row).optional()
                .filter(x -> official.sees(x.toFacility()) || official.sees(x.fromFacility()))
                .orElseThrow(() -> new NotFoundException("No transfer " + id));
        if (!official.sees(t.toFacility())) {
            throw new NotFoundException("No transfer " + id);
        }
        if (t.status().equals("RECEIVED")) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Transfer " + id + " was already received");
        }
        if (orderReference == null || !orderReference.strip().equals(t.authorityReference().strip())) {
            throw new InvalidRequestException("orderReference", "the reference of the transfer order this person "
                    + "is received on, as the dispatch recorded it");
        }
        // same lock order as moves: the booking, then facility, pavilions and cells
        Map<Long, Booking> bookings = custody.lockInCustody(List.of(t.personId()));
        if (!bookings.containsKey(t.personId())) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + t.personId() + " is no longer in "
                    + "custody (released while in transit); the transfer cannot be received");
        }
        estate.lockFacilities(List.of(t.toFacility()));
        Location to = toLocationId == null
                ? estate.reception(t.toFacility()).orElseThrow(() -> new ConflictException("No reception"))
                : estate.location(toLocationId).filter(l -> l.facilityCode().equals(t.toFacility()))
                        .filter(l -> !l.kind().outsideTheWalls())
                        .orElseThrow(() -> new InvalidRequestException("toLocationId",
                                "a place inside " + t.toFacility()));
        boolean cell = (to.kind() == LocationKind.CELL || to.kind() == LocationKind.PUNISHMENT)
                && to.certifiedCapacity() != null;
        Set<Long> pavilions = cell && to.pavilionId() != null ? Set.of(to.pavilionId()) : Set.of();
        estate.lock(pavilions, List.of(to.id()));
        HousingState state = data.around(pavilions, cell ? List.of(to.id()) : List.of(), List.of(t.personId()));
        refuse(cell ? state.check(t.personId(), to.id()) : state.facilityClashes(t.personId(), t.toFacility()));
        Instant now = clock.instant();
        custody.receive(bookings.get(t.personId()), t.personId(), t.toFacility(), to.id(),
                cell ? state.cells().get(to.id()).limit() : null,
                Map.of("transfer", id, "authorityReference", t.authorityReference()), Actor.of(official));
        client.sql("update transfer set received_by = ?, received_at = ?, received_location_id = ? where id = ?")
                .params(official.username(), Timestamp.from(now), to.id(), id).update();
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<Transfer> list(Official official) {
        return client.sql(SELECT + " where ? or from_facility = any(?) or to_facility = any(?) order by id desc limit 500")
                .params(official.national(), official.facilityArray(), official.facilityArray())
                .query(TransferService::row).list();
    }

    private static void refuse(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new ConflictException(ErrorCode.HOUSING_RULE,
                    "The transfer breaks housing rules; nothing was changed: "
                    + v.stream().map(Violation::message).collect(Collectors.joining("; ")), Map.of("violations", v));
        }
    }

    private Transfer find(long id) {
        return client.sql(SELECT + " where id = ?").param(id).query(TransferService::row).single();
    }

    private static Transfer row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp received = rs.getTimestamp(11);
        return new Transfer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                received == null ? null : received.toInstant());
    }
}
