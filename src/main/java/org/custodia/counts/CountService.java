package org.custodia.counts;

import jakarta.validation.constraints.NotBlank;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.custodia.platform.PersonLocator;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a count (which freezes movement in the facility), each officer's count of a cell, explanations of what a
 * recount did not clear, and command's sign-off once every cell is clear or explained. Each is a ledger entry on
 * the facility's chain; every submission is kept, and a cell's count is each officer's latest.
 */
@Service
public class CountService {
    public record Explanation(@NotBlank(groups = Required.class, message = "required")
                              @Text(max = 2000, multiline = true) String explanation) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final CountSchedules schedules;
    private final CountFreeze freeze;
    private final Reconciliation reconciliation;
    private final PersonLocator locator;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    CountService(JdbcClient client, EstateService estate, CountSchedules schedules, CountFreeze freeze,
                 Reconciliation reconciliation, PersonLocator locator, LedgerService ledger, RecordCheck check,
                 Clock clock) {
        this.client = client;
        this.estate = estate;
        this.schedules = schedules;
        this.freeze = freeze;
        this.reconciliation = reconciliation;
        this.locator = locator;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional
    public Count open(NewCount n, Official official) {
        check.require(n, "The count was not opened");
        String facility = n.facilityCode();
        estate.requireVisible(facility, official);
        if (n.kind() == CountKind.EMERGENCY && (n.reason() == null || n.reason().isBlank())) {
            throw new InvalidRequestException("reason", "required for an emergency count: what happened");
        }
        freeze.lockExclusive(facility);
        client.sql("select id from count_round where facility_code = ? and signed_off_at is null").param(facility)
                .query(Long.class).optional().ifPresent(id -> {
                    throw new ConflictException(ErrorCode.COUNT_IN_PROGRESS, "Count " + id + " of " + facility
                            + " is still open", Map.of("count", id));
                });
        Instant now = clock.instant();
        CountSchedules.Schedule s = schedules.of(facility);
        Instant slot = n.kind() == CountKind.SCHEDULED ? schedules.nearestSlot(s, now) : null;
        if (slot != null) {
            client.sql("select id from count_round where facility_code = ? and scheduled_for = ?")
                    .params(facility, Timestamp.from(slot)).query(Long.class).optional().ifPresent(id -> {
                        throw new ConflictException(ErrorCode.ALREADY_DONE, "The count set for " + slot
                                + " was made (count " + id + "); another count now is an emergency count",
                                Map.of("count", id));
                    });
        }
        String reason = n.reason() == null || n.reason().isBlank() ? null : n.reason().strip();
        long id = client.sql("""
                        insert into count_round (facility_code, kind, reason, scheduled_for, cross_count, opened_at,
                                                 opened_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(facility, n.kind().name(), reason, slot == null ? null : Timestamp.from(slot),
                        s.crossCount(), Timestamp.from(now), official.username())
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", id);
        payload.put("kind", n.kind().name());
        if (slot != null) {
            payload.put("scheduledFor", slot.toString());
        }
        if (reason != null) {
            payload.put("reason", reason);
        }
        payload.put("crossCount", s.crossCount());
        ledger.append(new LedgerEvent(facility, null, "COUNT_OPENED", payload, Actor.of(official), now));
        return reconciliation.of(id, official);
    }

    @Transactional
    public Count.Cell submit(long countId, long locationId, CellCount c, Official official) {
        Reconciliation.Round round = openRound(countId, official);
        check.require(c, "The count of the cell was not recorded");
        Location cell = countable(round, locationId);
        Set<Long> expected = new HashSet<>(reconciliation.expectedIn(locationId));
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> missing = c.missingOrNone();
        if (!expected.containsAll(missing)) {
            errors.put("missing", "only people expected in the cell can be missing from it");
        }
        List<Long> extraPeople = new ArrayList<>();
        List<String> extraDescriptions = new ArrayList<>();
        for (CellCount.Extra x : c.extraOrNone()) {
            boolean described = x.description() != null && !x.description().isBlank();
            if ((x.personId() == null) == !described) {
                errors.put("extra", "each found person is known by id or described, not both");
            } else if (x.personId() != null) {
                if (expected.contains(x.personId())) {
                    errors.put("extra", "person " + x.personId() + " is expected in the cell: not extra");
                } else if (locator.facilityOf(x.personId()).filter(official::sees).isEmpty()) {
                    errors.put("extra", "no person " + x.personId());
                }
                extraPeople.add(x.personId());
            } else {
                extraDescriptions.add(x.description().strip());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The count of the cell was not recorded", errors);
        }
        Instant now = clock.instant();
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        client.sql("""
                        insert into count_submission (count_id, location_id, counted, expected, missing, extra_people,
                                                      extra_descriptions, note, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(countId, locationId, c.counted(), expected.size(), missing.toArray(Long[]::new),
                        extraPeople.toArray(Long[]::new), extraDescriptions.toArray(String[]::new), note,
                        official.username(), Timestamp.from(now))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", countId);
        payload.put("cell", cell.code());
        payload.put("counted", c.counted());
        payload.put("expected", expected.size());
        payload.put("missing", missing);
        payload.put("extraPeople", extraPeople);
        payload.put("extraDescribed", extraDescriptions.size());
        ledger.append(new LedgerEvent(round.facilityCode(), null, "COUNT_CELL_SUBMITTED", payload,
                Actor.of(official), now));
        return reconciliation.cell(round, cell);
    }

    @Transactional
    public Count.Cell explain(long countId, long locationId, Explanation e, Official official) {
        Reconciliation.Round round = openRound(countId, official);
        check.require(e, "Nothing was explained");
        Location cell = countable(round, locationId);
        Count.Cell now = reconciliation.cell(round, cell);
        if (now.status() != CellStatus.DISCREPANCY) {
            throw new ConflictException(ErrorCode.CONFLICT, "Cell " + cell.code() + " is " + now.status()
                    + ": only a discrepancy a recount did not clear is explained");
        }
        long submission = reconciliation.latestSubmission(countId, locationId);
        Instant at = clock.instant();
        client.sql("""
                        insert into count_explanation (count_id, location_id, submission_id, explanation, explained_by,
                                                       explained_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(countId, locationId, submission, e.explanation().strip(), official.username(),
                        Timestamp.from(at))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", countId);
        payload.put("cell", cell.code());
        payload.put("explanation", e.explanation().strip());
        ledger.append(new LedgerEvent(round.facilityCode(), null, "COUNT_DISCREPANCY_EXPLAINED", payload,
                Actor.of(official), at));
        return reconciliation.cell(round, cell);
    }

    @Transactional
    public Count signOff(long countId, Official official) {
        Reconciliation.Round round = openRound(countId, official);
        client.sql("select id from count_round where id = ? for update").param(countId).query(Long.class).single();
        Count c = reconciliation.of(countId, official);
        if (!c.open()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Count " + countId + " is already signed off");
        }
        if (!c.summary().settled()) {
            throw new ConflictException(ErrorCode.COUNT_NOT_SETTLED, "Count " + countId + " cannot be signed off: "
                    + c.summary().uncounted() + " cells not counted, " + c.summary().awaitingCrossCount()
                    + " awaiting a second officer, " + c.summary().crossCountsDiffer() + " to recount, "
                    + c.summary().discrepancies() + " discrepancies not explained", Map.of("summary", c.summary()));
        }
        Instant now = clock.instant();
        client.sql("update count_round set signed_off_at = ?, signed_off_by = ? where id = ?")
                .params(Timestamp.from(now), official.username(), countId).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", countId);
        payload.put("cells", c.summary().cells());
        payload.put("expected", c.summary().expected());
        payload.put("counted", c.summary().counted());
        payload.put("explained", c.summary().explained());
        payload.put("minutesOpen", Duration.between(c.openedAt(), now).toMinutes());
        payload.put("late", c.late());
        ledger.append(new LedgerEvent(round.facilityCode(), null, "COUNT_SIGNED_OFF", payload, Actor.of(official),
                now));
        return reconciliation.of(countId, official);
    }

    private Reconciliation.Round openRound(long countId, Official official) {
        Reconciliation.Round round = reconciliation.round(countId, official);
        if (round.signedOffAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Count " + countId + " is already signed off");
        }
        return round;
    }

    private Location countable(Reconciliation.Round round, long locationId) {
        return estate.location(locationId)
                .filter(l -> l.facilityCode().equals(round.facilityCode()) && Reconciliation.COUNTED.contains(l.kind()))
                .orElseThrow(() -> new NotFoundException("No cell " + locationId + " in count " + round.id()));
    }
}
