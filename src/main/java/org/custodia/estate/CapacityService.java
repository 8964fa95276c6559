package org.custodia.estate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccountService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certified capacity changes only by request and approval of a second official, and never below the people the
 * cell holds at the moment of approval. Request, approval and refusal each write one ledger entry.
 */
@Service
public class CapacityService {
    private static final String COLUMNS = """
            r.id, r.location_id, l.facility_code, l.code, r.current_capacity, r.requested_capacity, r.reason,
            r.requested_by, r.requested_at, r.status, r.decided_by, r.decided_at, r.decision_note""";

    private final JdbcClient client;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;

    private final AccountService accounts;

    CapacityService(JdbcClient client, EstateService estate, LedgerService ledger, Clock clock,
                    AccountService accounts) {
        this.accounts = accounts;
        this.client = client;
        this.estate = estate;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public CapacityRequest request(long locationId, Integer requested, String reason, Official official) {
        Location l = estate.location(locationId).filter(x -> official.sees(x.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No location " + locationId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (requested == null || requested < 0 || requested > 10_000) {
            errors.put("requestedCapacity", "required, 0 to 10000");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            errors.put("reason", "required, at most 2000 characters");
        }
        if (l.kind() != LocationKind.CELL && l.kind() != LocationKind.PUNISHMENT) {
            errors.put("locationId", "only cells have a certified capacity");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The capacity change cannot be requested", errors);
        }
        if (requested < l.population()) {
            throw new ConflictException(ErrorCode.CAPACITY_EXCEEDED, "Cell " + l.code() + " holds " + l.population()
                    + " people; its certified capacity cannot go below that");
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into capacity_change_request (location_id, current_capacity, requested_capacity, reason,
                                                             requested_by, requested_at, status)
                        values (?, ?, ?, ?, ?, ?, 'PENDING') returning id""")
                .params(locationId, l.certifiedCapacity(), requested, reason.strip(), official.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", id);
        payload.put("location", l.code());
        payload.put("currentCapacity", l.certifiedCapacity());
        payload.put("requestedCapacity", requested);
        payload.put("reason", reason.strip());
        ledger.append(new LedgerEvent(l.facilityCode(), null, "CAPACITY_CHANGE_REQUESTED", payload,
                Actor.of(official), now));
        return find(id);
    }

    @Transactional
    public CapacityRequest approve(long requestId, String note, Official official) {
        return decide(requestId, true, note, official);
    }

    @Transactional
    public CapacityRequest reject(long requestId, String note, Official official) {
        return decide(requestId, false, note, official);
    }

    private CapacityRequest decide(long requestId, boolean approve, String note, Official official) {
        CapacityRequest r = client.sql("select " + COLUMNS
                        + " from capacity_change_request r join location l on l.id = r.location_id where r.id = ?"
                        + " for update of r")
                .param(requestId).query(CapacityService::row).optional()
                .filter(x -> official.sees(x.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No capacity request " + requestId));
        if (!r.status().equals("PENDING")) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Request " + requestId + " was already " + r.status().toLowerCase());
        }
        if (approve && accounts.samePerson(r.requestedBy(), official.username())) {
            throw new ConflictException(ErrorCode.SECOND_OFFICIAL_REQUIRED,
                    "A capacity change is approved by a second official, not by the requester "
                    + "nor through an account the requester opened or changed");
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidRequestException("note", "at most 2000 characters");
        }
        if (approve) {
            // Lock the cell: no admission may slip in between the check and the change.
            int population = client.sql("select population from location where id = ? for update")
                    .param(r.locationId()).query(Integer.class).single();
            if (r.requestedCapacity() < population) {
                throw new ConflictException(ErrorCode.CAPACITY_EXCEEDED,
                        "Cell " + r.locationCode() + " now holds " + population
                        + " people; a certified capacity of " + r.requestedCapacity() + " cannot be approved");
            }
            client.sql("update location set certified_capacity = ? where id = ?")
                    .params(r.requestedCapacity(), r.locationId()).update();
        }
        Instant now = clock.instant();
        client.sql("update capacity_change_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                        + "where id = ?")
                .params(approve ? "APPROVED" : "REJECTED", official.username(), Timestamp.from(now), note, requestId)
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", requestId);
        payload.put("location", r.locationCode());
        payload.put("previousCapacity", r.currentCapacity());
        payload.put("requestedCapacity", r.requestedCapacity());
        payload.put("requestedBy", r.requestedBy());
        payload.put("note", note);
        ledger.append(new LedgerEvent(r.facilityCode(), null,
                approve ? "CAPACITY_CHANGE_APPROVED" : "CAPACITY_CHANGE_REJECTED", payload, Actor.of(official), now));
        return find(requestId);
    }

    @Transactional(readOnly = true)
    public CapacityRequest find(long id) {
        return client.sql("select " + COLUMNS
                        + " from capacity_change_request r join location l on l.id = r.location_id where r.id = ?")
                .param(id).query(CapacityService::row).optional()
                .orElseThrow(() -> new NotFoundException("No capacity request " + id));
    }

    @Transactional(readOnly = true)
    public List<CapacityRequest> list(String status, Official official) {
        return client.sql("select " + COLUMNS + """
                         from capacity_change_request r join location l on l.id = r.location_id
                        where (cast(? as text) is null or r.status = ?) and (? or l.facility_code = any(?))
                        order by r.id desc limit 500""")
                .params(status, status, official.national(), official.facilityArray())
                .query(CapacityService::row).list();
    }

    private static CapacityRequest row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(12);
        return new CapacityRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Integer.class), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11),
                decided == null ? null : decided.toInstant(), rs.getString(13));
    }
}
