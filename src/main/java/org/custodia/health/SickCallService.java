package org.custodia.health;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.custodia.regime.MovementService;
import org.custodia.regime.NewMovement;
import org.custodia.regime.Purpose;
import jakarta.validation.Valid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sick call: a request is received by any custody or health official (from the person, or raised by staff who saw
 * a need), triaged by health staff and the person seen; each step is timestamped, and the clocks of
 * {@link HealthRules} run from receipt. What the person said is clinical: the official who received it cannot read
 * it back, and the ledger carries its SHA-256. A step recorded after the fact says when it happened (up to three
 * days back); the ledger says when it was recorded.
 */
@Service
public class SickCallService {
    public enum Source { PERSON, STAFF }

    public enum Outcome { TREATED, REFERRED_HOSPITAL, REFERRED_SPECIALIST, NO_FURTHER_ACTION, REFUSED }

    /** Where a request stands on the worklist. */
    public enum State { UNTRIAGED, TO_BE_SEEN, OVERDUE, OPEN }

    public record NewRequest(@NotNull(groups = Required.class, message = "required") Source source,
                             @NotBlank(groups = Required.class, message = "required")
                             @Text(max = 2000, multiline = true) String request) {
    }

    /** {@code appointmentAt}: when the person is to be brought to health care (on the unlock list of that day). */
    public record Triage(@NotNull(groups = Required.class, message = "required") Priority priority,
                         @Text(max = 2000, multiline = true) String note,
                         @Moment(daysBack = 3) Instant triagedAt,
                         @Moment(daysBack = 3, daysAhead = 60) Instant appointmentAt) {
    }

    /** A referral to hospital is a movement out of the facility: where, who escorts, when the person is due back. */
    public record Referral(@NotNull(groups = Required.class, message = "required") Long hospitalId,
                           @NotBlank(groups = Required.class, message = "required") @Text(max = 300) String escort,
                           @NotNull(groups = Required.class, message = "required") @Moment(daysAhead = 7)
                           Instant dueBackAt,
                           Boolean emergency) {
    }

    public record Seen(@NotNull(groups = Required.class, message = "required") Outcome outcome,
                       @Text(max = 4000, multiline = true) String note,
                       @Moment(daysBack = 3) Instant seenAt,
                       @Valid Referral referral) {
    }

    /** The request as custody staff see it: that it exists and its clocks, never what it says. */
    public record Received(long id, long personId, String facilityCode, Source source, Instant receivedAt,
                           Instant triageDueBy) {
    }

    /** One request as health staff see it; {@code request} is the person's words. */
    public record SickCall(long id, long personId, String name, String facilityCode, Source source,
                           Instant receivedAt, String receivedBy, Instant triageDueBy, Priority priority,
                           Instant triagedAt, String triagedBy, Instant seenDueBy, Instant seenAt, String seenBy,
                           Outcome outcome, boolean overdue, String request) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final ClinicalNotes notes;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final HealthRules rules;
    private final Clock clock;
    private final MovementService movements;

    SickCallService(JdbcClient client, PeopleService people, EstateService estate, ClinicalNotes notes,
                    LedgerService ledger, RecordCheck check, HealthRules rules, Clock clock,
                    MovementService movements) {
        this.movements = movements;
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.notes = notes;
        this.ledger = ledger;
        this.check = check;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Received receive(long personId, NewRequest r, Official official) {
        PersonRecord p = people.held(personId, official);
        check.require(r, "The request was not received");
        Instant now = clock.instant();
        String facility = p.current().facilityCode();
        ClinicalNotes.Stored note = notes.add(personId, facility, ClinicalNotes.Kind.REQUEST,
                Map.of("source", r.source(), "request", r.request().strip()), official, now);
        long id = client.sql("""
                        insert into sick_call (person_id, booking_id, facility_code, source, received_at, received_by,
                                               request_note_id)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, p.current().id(), facility, r.source().name(), Timestamp.from(now),
                        official.username(), note.id())
                .query(Long.class).single();
        Instant due = now.plus(Duration.ofHours(rules.triageHours()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sickCall", id);
        payload.put("source", r.source());
        payload.put("triageDueBy", due);
        payload.put("requestSha256", note.sha256());
        ledger.append(new LedgerEvent(facility, personId, "SICK_CALL_RECEIVED", payload, Actor.of(official), now));
        return new Received(id, personId, facility, r.source(), now, due);
    }

    @Transactional
    public SickCall triage(long id, Triage t, Official official) {
        SickCall c = lock(id, official);
        check.require(t, "The request was not triaged");
        if (c.triagedAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This request is triaged");
        }
        Instant at = step(t.triagedAt(), c.receivedAt(), "triagedAt");
        ClinicalNotes.Stored note = notes.add(c.personId(), c.facilityCode(), ClinicalNotes.Kind.TRIAGE,
                Ordered.map("priority", t.priority(), "note", t.note()), official, at);
        if (t.appointmentAt() != null && t.appointmentAt().isBefore(at)) {
            throw new InvalidRequestException("appointmentAt", "not before the triage");
        }
        client.sql("update sick_call set priority = ?, triaged_at = ?, triaged_by = ?, appointment_at = ? where id = ?")
                .params(t.priority().name(), Timestamp.from(at), official.username(),
                        t.appointmentAt() == null ? null : Timestamp.from(t.appointmentAt()), id).update();
        Integer within = rules.seenWithinHours(t.priority());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sickCall", id);
        payload.put("priority", t.priority());
        payload.put("hoursToTriage", hours(c.receivedAt(), at));
        payload.put("seenDueBy", within == null ? null : c.receivedAt().plus(Duration.ofHours(within)));
        payload.put("appointmentAt", t.appointmentAt());
        payload.put("noteSha256", note.sha256());
        ledger.append(new LedgerEvent(c.facilityCode(), c.personId(), "SICK_CALL_TRIAGED", payload,
                Actor.of(official), at));
        return find(id, official);
    }

    @Transactional
    public SickCall seen(long id, Seen s, Official official) {
        SickCall c = lock(id, official);
        check.require(s, "Nothing was recorded");
        if (c.triagedAt() == null) {
            throw new ConflictException(ErrorCode.CONFLICT, "Triage the request first: its priority sets its clock");
        }
        if (c.seenAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This request is closed");
        }
        Instant at = step(s.seenAt(), c.triagedAt(), "seenAt");
        if ((s.outcome() == Outcome.REFERRED_HOSPITAL) != (s.referral() != null)) {
            throw new InvalidRequestException("referral", "a referral to hospital, and only that, is a movement out: "
                    + "hospitalId, escort, dueBackAt");
        }
        Long movement = s.referral() == null ? null : movements.leave(new NewMovement(List.of(c.personId()),
                s.referral().hospitalId(), Purpose.MEDICAL, s.referral().escort(), s.referral().dueBackAt(),
                s.referral().emergency(), "Derivación de la consulta " + id), official).id();
        ClinicalNotes.Stored note = notes.add(c.personId(), c.facilityCode(), ClinicalNotes.Kind.CONSULTATION,
                Ordered.map("outcome", s.outcome(), "note", s.note()), official, at);
        client.sql("update sick_call set seen_at = ?, seen_by = ?, outcome = ?, referral_movement_id = ? where id = ?")
                .params(Timestamp.from(at), official.username(), s.outcome().name(), movement, id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sickCall", id);
        payload.put("outcome", s.outcome());
        payload.put("hoursToSeen", hours(c.receivedAt(), at));
        payload.put("late", c.seenDueBy() != null && at.isAfter(c.seenDueBy()));
        payload.put("movement", movement);
        payload.put("noteSha256", note.sha256());
        ledger.append(new LedgerEvent(c.facilityCode(), c.personId(), "SICK_CALL_SEEN", payload, Actor.of(official),
                at));
        return find(id, official);
    }

    @Transactional(readOnly = true)
    public SickCall find(long id, Official official) {
        return query("where c.id = ?", new Object[] {id}, 1, 0).stream()
                .filter(c -> official.sees(c.facilityCode())).findFirst()
                .orElseThrow(() -> new NotFoundException("No sick-call request " + id));
    }

    /** The worklist: open requests, oldest first, by where they stand. */
    @Transactional(readOnly = true)
    public Page<SickCall> worklist(String facility, State state, int page, int size, Official official) {
        if (facility != null) {
            estate.requireVisible(facility, official);
        }
        Instant now = clock.instant();
        String where = """
                where c.seen_at is null and (c.priority is null or c.priority <> 'NON_CLINICAL')
                  and (cast(? as text) is null or c.facility_code = ?) and (? or c.facility_code = any(?))
                  and (case ? when 'UNTRIAGED' then c.triaged_at is null
                              when 'TO_BE_SEEN' then c.triaged_at is not null
                              when 'OVERDUE' then """ + overdue() + """
                              else true end)""";
        Object[] params = {facility, facility, official.national(), official.facilityArray(), state.name(),
                Timestamp.from(now.minus(Duration.ofHours(rules.triageHours()))),
                Timestamp.from(now.minus(Duration.ofHours(rules.urgentHours()))),
                Timestamp.from(now.minus(Duration.ofHours(rules.seenHours()))),
                Timestamp.from(now.minus(Duration.ofDays(rules.routineDays())))};
        long total = client.sql("select count(*) from sick_call c " + where).params(params).query(Long.class)
                .single();
        return new Page<>(query(where + " order by c.received_at, c.id", params, size, Page.offset(page, size)),
                page, size, total);
    }

    /** Overdue now: untriaged past the triage hours, or triaged and not seen past its priority's hours. */
    static String overdue() {
        return """
                (c.seen_at is null and ((c.triaged_at is null and c.received_at < ?)
                  or (c.priority = 'URGENT' and c.received_at < ?)
                  or (c.priority = 'SYMPTOM' and c.received_at < ?)
                  or (c.priority = 'ROUTINE' and c.received_at < ?)))""";
    }

    private SickCall lock(long id, Official official) {
        client.sql("select id from sick_call where id = ? for update").param(id).query(Long.class).optional();
        return find(id, official);
    }

    private Instant step(Instant given, Instant notBefore, String field) {
        Instant at = given == null ? clock.instant() : given;
        if (at.isBefore(notBefore)) {
            throw new InvalidRequestException(field, "not before the step it follows (" + notBefore + ")");
        }
        return at;
    }

    private List<SickCall> query(String where, Object[] params, int limit, long offset) {
        Instant now = clock.instant();
        return client.sql("""
                        select c.id, c.person_id, n.given_names, n.first_surname, n.second_surname, c.facility_code,
                               c.source, c.received_at, c.received_by, c.priority, c.triaged_at, c.triaged_by,
                               c.seen_at, c.seen_by, c.outcome, r.content
                          from sick_call c join people_name n on n.person_id = c.person_id
                          join clinical_note r on r.id = c.request_note_id
                        """ + where + " limit ? offset ?")
                .params(Ordered.params(params, limit, offset))
                .query((rs, i) -> {
                    Instant received = rs.getTimestamp(8).toInstant();
                    Priority priority = rs.getString(10) == null ? null : Priority.valueOf(rs.getString(10));
                    Instant triaged = instant(rs.getTimestamp(11));
                    Instant seen = instant(rs.getTimestamp(13));
                    Instant triageDue = received.plus(Duration.ofHours(rules.triageHours()));
                    Integer within = priority == null ? null : rules.seenWithinHours(priority);
                    Instant seenDue = within == null ? null : received.plus(Duration.ofHours(within));
                    boolean overdue = seen == null && (triaged == null ? triageDue.isBefore(now)
                            : seenDue != null && seenDue.isBefore(now));
                    return new SickCall(rs.getLong(1), rs.getLong(2), PeopleService.fullName(rs.getString(3),
                            rs.getString(4), rs.getString(5)), rs.getString(6), Source.valueOf(rs.getString(7)),
                            received, rs.getString(9), triageDue, priority, triaged, rs.getString(12), seenDue, seen,
                            rs.getString(14), rs.getString(15) == null ? null : Outcome.valueOf(rs.getString(15)),
                            overdue, requestText(rs.getString(16)));
                })
                .list();
    }

    private static String requestText(String json) {
        // the request note is {"request":...,"source":...} as ClinicalNotes wrote it
        return HealthReports.field(json, "request");
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static long hours(Instant from, Instant to) {
        return Duration.between(from, to).toHours();
    }
}
