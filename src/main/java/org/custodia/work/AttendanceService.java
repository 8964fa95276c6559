package org.custodia.work;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.BulkCopy;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Sha256;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance, recorded in bulk: for every session of a facility's day (or one session) that is not cancelled and
 * not yet recorded, every person allocated on that day gets the default outcome unless an exception names them.
 * Hours are the session's for those who attended, pay those hours at the workshop's rate (unpaid work records
 * none). Written with COPY; one ledger entry per session carries its counts and a SHA-256 of its rows, so the
 * attendance can be checked against the ledger. A day is recorded within 7 days, never ahead.
 */
@Service
public class AttendanceService {
    public record Exception(@NotNull(groups = Required.class, message = "required") Long personId,
                            @NotNull(groups = Required.class, message = "required") Outcome outcome) {
    }

    public record DayAttendance(@NotNull(groups = Required.class, message = "required")
                                @Day(earliest = "2000-01-01") LocalDate day,
                                @NotNull(groups = Required.class, message = "required") Outcome defaultOutcome,
                                @Size(max = 50_000) @Valid List<@NotNull Exception> exceptions) {
    }

    public record Recorded(String facilityCode, LocalDate day, int sessions, int rows, Map<Outcome, Integer> outcomes,
                           BigDecimal hours, BigDecimal pay) {
    }

    private record Row(long session, long workshop, long person, BigDecimal hours, BigDecimal rate) {
    }

    private final JdbcClient client;
    private final BulkCopy bulk;
    private final EstateService estate;
    private final WorkshopService workshops;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    AttendanceService(JdbcClient client, BulkCopy bulk, EstateService estate, WorkshopService workshops,
                      LedgerService ledger, RecordCheck check, LocalDays days, Clock clock) {
        this.client = client;
        this.bulk = bulk;
        this.estate = estate;
        this.workshops = workshops;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    /** One session's attendance. */
    @Transactional
    public Recorded session(long sessionId, DayAttendance a, Official official) {
        WorkshopService.Session s = workshops.session(sessionId, official);
        String facility = workshops.find(s.workshopId(), official).facilityCode();
        if (a != null && a.day() != null && !a.day().equals(s.day())) {
            throw new InvalidRequestException("day", "the session's day, " + s.day());
        }
        return record(facility, a, sessionId, official);
    }

    /** Every session of a facility's day. */
    @Transactional
    public Recorded day(String facility, DayAttendance a, Official official) {
        estate.requireVisible(facility, official);
        return record(facility, a, null, official);
    }

    private Recorded record(String facility, DayAttendance a, Long sessionId, Official official) {
        check.require(a, "No attendance was recorded");
        LocalDate today = days.today();
        if (a.day().isAfter(today) || a.day().isBefore(today.minusDays(7))) {
            throw new InvalidRequestException("day", "a day of the last 7: attendance is recorded when it is kept");
        }
        Map<Long, Outcome> exceptions = new HashMap<>();
        for (Exception e : a.exceptions() == null ? List.<Exception>of() : a.exceptions()) {
            exceptions.put(e.personId(), e.outcome());
        }
        // sessions of the day not cancelled and not recorded, locked so that two officers cannot record one twice
        List<Long> sessions = client.sql("""
                        select s.id from work_session s join workshop w on w.id = s.workshop_id
                         where w.facility_code = ? and s.day = ? and s.cancelled_reason is null
                           and (cast(? as bigint) is null or s.id = ?)
                           and not exists (select 1 from work_attendance x where x.session_id = s.id)
                         order by s.id for update of s""")
                .params(facility, Date.valueOf(a.day()), sessionId, sessionId).query(Long.class).list();
        if (sessions.isEmpty()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "No session of " + facility + " on " + a.day()
                    + " is waiting for its attendance (none scheduled, cancelled, or already recorded)");
        }
        List<Row> rows = client.sql("""
                        select s.id, s.workshop_id, a.person_id,
                               round(extract(epoch from s.ends_at - s.starts_at) / 3600, 2), w.rate_per_hour
                          from work_session s join workshop w on w.id = s.workshop_id
                          join work_allocation a on a.workshop_id = s.workshop_id
                         where s.id = any(?) and a.since <= s.day
                           and (a.status = 'ACTIVE' or a.status = 'ENDED' and a.ended_on > s.day)
                           and exists (select 1 from people_stay st where st.person_id = a.person_id
                                          and st.facility_code = w.facility_code and st.admitted_at < s.ends_at
                                          and (st.released_at is null or st.released_at > s.starts_at))
                         order by s.id, a.person_id""")
                .param(sessions.toArray(Long[]::new))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
        List<Long> strangers = exceptions.keySet().stream()
                .filter(p -> rows.stream().noneMatch(r -> r.person() == p)).limit(100).toList();
        if (!strangers.isEmpty()) {
            throw new InvalidRequestException("exceptions", "only people allocated to a session of the day: "
                    + strangers);
        }
        Instant now = clock.instant();
        Map<Long, StringBuilder> digests = new TreeMap<>();
        Map<Long, Map<Outcome, Integer>> counts = new TreeMap<>();
        Map<Long, BigDecimal[]> totals = new HashMap<>();
        Map<Long, Long> workshopOf = new HashMap<>();
        sessions.forEach(s -> {
            digests.put(s, new StringBuilder());
            counts.put(s, new EnumMap<>(Outcome.class));
            totals.put(s, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        });
        bulk.copy("copy work_attendance (session_id, person_id, outcome, hours, pay, recorded_by, recorded_at) "
                + "from stdin", sink -> {
                    for (Row r : rows) {
                        Outcome o = exceptions.getOrDefault(r.person(), a.defaultOutcome());
                        BigDecimal hours = o.worked() ? r.hours() : BigDecimal.ZERO;
                        BigDecimal pay = r.rate() == null ? BigDecimal.ZERO
                                : hours.multiply(r.rate()).setScale(2, RoundingMode.HALF_UP);
                        sink.row(r.session(), r.person(), o, hours, pay, official.username(), now);
                        digests.get(r.session()).append(r.person()).append(':').append(o).append(':')
                                .append(hours.toPlainString()).append(':').append(pay.toPlainString()).append('\n');
                        counts.get(r.session()).merge(o, 1, Integer::sum);
                        BigDecimal[] t = totals.get(r.session());
                        t[0] = t[0].add(hours);
                        t[1] = t[1].add(pay);
                        workshopOf.put(r.session(), r.workshop());
                    }
                });
        List<LedgerEvent> events = new ArrayList<>(sessions.size());
        Map<Outcome, Integer> all = new EnumMap<>(Outcome.class);
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal pay = BigDecimal.ZERO;
        for (long s : sessions) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("session", s);
            payload.put("day", a.day().toString());
            Map<String, Integer> byOutcome = new TreeMap<>();
            counts.get(s).forEach((o, n) -> byOutcome.put(o.name(), n));
            payload.put("outcomes", byOutcome);
            payload.put("hours", totals.get(s)[0].toPlainString());
            payload.put("pay", totals.get(s)[1].toPlainString());
            payload.put("rowsSha256", Sha256.hex(digests.get(s).toString()));
            events.add(new LedgerEvent(facility, null, "WORK_ATTENDANCE_RECORDED", payload, Actor.of(official), now));
            counts.get(s).forEach((o, n) -> all.merge(o, n, Integer::sum));
            hours = hours.add(totals.get(s)[0]);
            pay = pay.add(totals.get(s)[1]);
        }
        ledger.appendAll(events);
        return new Recorded(facility, a.day(), sessions.size(), rows.size(), all, hours, pay);
    }
}
