package org.custodia.work;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workshops and their sessions. A workshop's hours are checked against MANDELA-102 when it is set up (a session no
 * longer than the hours of a day, a week no longer than the hours of a week, at least one rest day); paid at a
 * rate, or unpaid, and which one is recorded. Sessions are scheduled for a span of days on the workshop's
 * weekdays; a cancelled session keeps its reason.
 */
@Service
public class WorkshopService {
    public record NewWorkshop(@NotBlank(groups = Required.class, message = "required") @Text(max = 20)
                              String facilityCode,
                              @NotNull(groups = Required.class, message = "required") Long locationId,
                              @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String name,
                              @NotNull(groups = Required.class, message = "required") @Min(1) @Max(5000)
                              Integer capacity,
                              @NotNull(groups = Required.class, message = "required") LocalTime starts,
                              @NotNull(groups = Required.class, message = "required") LocalTime ends,
                              @NotEmpty(groups = Required.class, message = "required") @Size(max = 7)
                              List<@NotNull @Min(1) @Max(7) Integer> weekdays,
                              @NotNull(groups = Required.class, message = "required") Workshop.Risk risk,
                              @NotNull(groups = Required.class, message = "required") Boolean paid,
                              @DecimalMin("0") @DecimalMax("10000") BigDecimal ratePerHour) {
    }

    public record Schedule(@NotNull(groups = Required.class, message = "required")
                           @Day(earliest = "2000-01-01", daysAhead = 366) LocalDate from,
                           @NotNull(groups = Required.class, message = "required")
                           @Day(earliest = "2000-01-01", daysAhead = 366) LocalDate to) {
    }

    public record Session(long id, long workshopId, LocalDate day, Instant startsAt, Instant endsAt,
                          String cancelledReason) {
    }

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final EstateService estate;
    private final WorkRules rules;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    WorkshopService(JdbcClient client, JdbcTemplate jdbc, EstateService estate, WorkRules rules,
                    LedgerService ledger, RecordCheck check, LocalDays days, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.estate = estate;
        this.rules = rules;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Workshop create(NewWorkshop w, Official official) {
        check.require(w, "The workshop was not set up");
        estate.requireVisible(w.facilityCode(), official);
        Location place = estate.location(w.locationId())
                .filter(l -> l.facilityCode().equals(w.facilityCode()) && l.kind() == LocationKind.WORKSHOP)
                .orElseThrow(() -> new InvalidRequestException("locationId", "a workshop of " + w.facilityCode()));
        Map<String, String> e = new LinkedHashMap<>();
        List<Integer> weekdays = w.weekdays().stream().distinct().sorted().toList();
        double hours = java.time.Duration.between(w.starts(), w.ends()).toMinutes() / 60.0;
        if (!w.ends().isAfter(w.starts())) {
            e.put("ends", "after starts");
        } else if (hours > rules.hoursPerDay()) {
            e.put("ends", "a session of at most " + rules.hoursPerDay() + " hours (MANDELA-102)");
        } else if (hours * weekdays.size() > rules.hoursPerWeek()) {
            e.put("weekdays", "at most " + rules.hoursPerWeek() + " hours a week (MANDELA-102)");
        }
        if (weekdays.size() == 7) {
            e.put("weekdays", "a weekly rest day (MANDELA-102)");
        }
        if (w.paid() != (w.ratePerHour() != null)) {
            e.put("ratePerHour", w.paid() ? "required for paid work" : "none for unpaid work");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The workshop was not set up", e);
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into workshop (facility_code, location_id, name, capacity, starts, ends, weekdays, risk, paid,
                                              rate_per_hour, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(w.facilityCode(), place.id(), w.name().strip(), w.capacity(), Time.valueOf(w.starts()),
                        Time.valueOf(w.ends()), weekdays.toArray(Integer[]::new), w.risk().name(), w.paid(),
                        w.ratePerHour(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("workshop", id);
        payload.put("place", place.code());
        payload.put("capacity", w.capacity());
        payload.put("hours", w.starts() + "-" + w.ends());
        payload.put("weekdays", weekdays);
        payload.put("paid", w.paid());
        if (w.paid()) {
            payload.put("ratePerHour", w.ratePerHour().toPlainString());
        }
        ledger.append(new LedgerEvent(w.facilityCode(), null, "WORKSHOP_SET_UP", payload, Actor.of(official), now));
        return find(id, official);
    }

    /** Sessions on the workshop's weekdays from one day to another (at most 92 days); days already scheduled stay. */
    @Transactional
    public List<Session> schedule(long workshopId, Schedule s, Official official) {
        Workshop w = find(workshopId, official);
        check.require(s, "No session was scheduled");
        if (s.to().isBefore(s.from()) || s.from().plusDays(92).isBefore(s.to())) {
            throw new InvalidRequestException("to", "on or after from, at most 92 days later");
        }
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
            if (w.weekdays().contains(d.getDayOfWeek().getValue())) {
                rows.add(new Object[] {workshopId, Date.valueOf(d),
                        Timestamp.from(d.atTime(w.starts()).atZone(days.zone()).toInstant()),
                        Timestamp.from(d.atTime(w.ends()).atZone(days.zone()).toInstant())});
            }
        }
        int[] made = jdbc.batchUpdate("""
                insert into work_session (workshop_id, day, starts_at, ends_at) values (?, ?, ?, ?)
                on conflict (workshop_id, day) do nothing""", rows);
        int count = Arrays.stream(made).map(x -> Math.max(x, 0)).sum();
        if (count > 0) {
            ledger.append(new LedgerEvent(w.facilityCode(), null, "WORK_SESSIONS_SCHEDULED", Map.of("workshop",
                    workshopId, "from", s.from().toString(), "to", s.to().toString(), "sessions", count),
                    Actor.of(official), clock.instant()));
        }
        return sessions(workshopId, s.from(), s.to());
    }

    @Transactional
    public Session cancel(long sessionId, String reason, Official official) {
        Session s = session(sessionId, official);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidRequestException("reason", "required, at most 2000 characters");
        }
        int done = client.sql("update work_session set cancelled_reason = ?, cancelled_by = ? where id = ? "
                        + "and cancelled_reason is null and not exists (select 1 from work_attendance a "
                        + "where a.session_id = work_session.id)")
                .params(reason.strip(), official.username(), sessionId).update();
        if (done == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Session " + sessionId
                    + " is already cancelled or its attendance recorded");
        }
        Workshop w = find(s.workshopId(), official);
        ledger.append(new LedgerEvent(w.facilityCode(), null, "WORK_SESSION_CANCELLED", Map.of("session", sessionId,
                "day", s.day().toString(), "reason", reason.strip()), Actor.of(official), clock.instant()));
        return session(sessionId, official);
    }

    @Transactional(readOnly = true)
    public List<Workshop> of(String facility, Official official) {
        estate.requireVisible(facility, official);
        return client.sql(SELECT + " where w.facility_code = ? order by w.name, w.id limit 500").param(facility)
                .query(WorkshopService::row).list();
    }

    @Transactional(readOnly = true)
    public Workshop find(long id, Official official) {
        return client.sql(SELECT + " where w.id = ?").param(id).query(WorkshopService::row).optional()
                .filter(w -> official.sees(w.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No workshop " + id));
    }

    Session session(long id, Official official) {
        Session s = client.sql("select id, workshop_id, day, starts_at, ends_at, cancelled_reason from work_session "
                        + "where id = ?").param(id).query(WorkshopService::session).optional()
                .orElseThrow(() -> new NotFoundException("No session " + id));
        find(s.workshopId(), official);
        return s;
    }

    List<Session> sessions(long workshopId, LocalDate from, LocalDate to) {
        return client.sql("select id, workshop_id, day, starts_at, ends_at, cancelled_reason from work_session "
                        + "where workshop_id = ? and day between ? and ? order by day")
                .params(workshopId, Date.valueOf(from), Date.valueOf(to)).query(WorkshopService::session).list();
    }

    private static final String SELECT = """
            select w.id, w.facility_code, w.location_id, l.code, w.name, w.capacity, w.starts, w.ends, w.weekdays, w.risk,
                   w.paid, w.rate_per_hour, w.created_by, w.created_at,
                   (select count(*) from work_allocation a join people_in_custody b on b.person_id = a.person_id
                     where a.workshop_id = w.id and a.status = 'ACTIVE' and b.facility_code = w.facility_code),
                   (select count(*) from work_allocation a where a.workshop_id = w.id and a.status = 'WAITING')
              from workshop w join estate_place l on l.id = w.location_id""";

    private static Workshop row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Workshop(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getTime(7).toLocalTime(), rs.getTime(8).toLocalTime(),
                Arrays.asList((Integer[]) rs.getArray(9).getArray()), Workshop.Risk.valueOf(rs.getString(10)),
                rs.getBoolean(11), rs.getBigDecimal(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
                rs.getInt(15), rs.getInt(16));
    }

    private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6));
    }
}
