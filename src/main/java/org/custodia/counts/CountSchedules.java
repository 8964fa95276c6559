package org.custodia.counts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each facility counts: its set times (local time), whether a cell needs two officers' counts that agree, and
 * how many minutes after its time a count may start before it is late. Until command sets them, the service's
 * defaults apply ({@code custodia.counts.*}).
 */
@Service
public class CountSchedules {
    public record Schedule(String facilityCode, List<LocalTime> times, boolean crossCount, int graceMinutes,
                           String changedBy, Instant changedAt) {
    }

    public record ScheduleChange(@NotEmpty(groups = Required.class, message = "required: at least one time")
                                 @Size(max = 24) List<@NotNull LocalTime> times,
                                 @NotNull(groups = Required.class, message = "required") Boolean crossCount,
                                 @NotNull(groups = Required.class, message = "required") @Min(0) @Max(240)
                                 Integer graceMinutes) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;
    private final List<LocalTime> defaultTimes;
    private final boolean defaultCross;
    private final int defaultGrace;

    CountSchedules(JdbcClient client, EstateService estate, LedgerService ledger, RecordCheck check, LocalDays days,
                   Clock clock, @Value("${custodia.counts.times:06:00,12:00,17:00,21:00}") String times,
                   @Value("${custodia.counts.cross-count:false}") boolean crossCount,
                   @Value("${custodia.counts.grace-minutes:30}") int graceMinutes) {
        this.client = client;
        this.estate = estate;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
        this.defaultTimes = Arrays.stream(times.split(",")).map(String::strip).map(LocalTime::parse).sorted().distinct()
                .toList();
        this.defaultCross = crossCount;
        this.defaultGrace = graceMinutes;
    }

    @Transactional(readOnly = true)
    public Schedule of(String facility, Official official) {
        estate.requireVisible(facility, official);
        return of(facility);
    }

    Schedule of(String facility) {
        return client.sql("""
                        select times, cross_count, grace_minutes, changed_by, changed_at from count_schedule
                         where facility_code = ?""")
                .param(facility)
                .query((rs, n) -> new Schedule(facility, Arrays.stream((Object[]) rs.getArray(1).getArray())
                        .map(t -> ((java.sql.Time) t).toLocalTime()).sorted().toList(), rs.getBoolean(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional().orElse(new Schedule(facility, defaultTimes, defaultCross, defaultGrace, null, null));
    }

    @Transactional
    public Schedule change(String facility, ScheduleChange c, Official official) {
        of(facility, official);
        check.require(c, "The count schedule was not changed");
        List<LocalTime> times = c.times().stream().map(t -> t.withSecond(0).withNano(0)).sorted().distinct().toList();
        Instant now = clock.instant();
        client.sql("""
                        insert into count_schedule (facility_code, times, cross_count, grace_minutes, changed_by, changed_at)
                        values (?, ?::time[], ?, ?, ?, ?)
                        on conflict (facility_code) do update set times = excluded.times, cross_count = excluded.cross_count,
                            grace_minutes = excluded.grace_minutes, changed_by = excluded.changed_by,
                            changed_at = excluded.changed_at""")
                .params(facility, times.stream().map(LocalTime::toString).toArray(String[]::new), c.crossCount(),
                        c.graceMinutes(), official.username(), Timestamp.from(now))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("times", times.stream().map(LocalTime::toString).toList());
        payload.put("crossCount", c.crossCount());
        payload.put("graceMinutes", c.graceMinutes());
        ledger.append(new LedgerEvent(facility, null, "COUNT_SCHEDULE_CHANGED", payload, Actor.of(official), now));
        return of(facility);
    }

    /** The set times of a local day, as instants. */
    List<Instant> slots(Schedule s, LocalDate day) {
        return s.times().stream().map(t -> day.atTime(t).atZone(days.zone()).toInstant()).toList();
    }

    /** The set time nearest to the moment (yesterday's last and tomorrow's first included). */
    Instant nearestSlot(Schedule s, Instant at) {
        LocalDate today = days.dayOf(at);
        return java.util.stream.Stream.of(today.minusDays(1), today, today.plusDays(1))
                .flatMap(d -> slots(s, d).stream())
                .min(Comparator.comparing((Instant x) -> Math.abs(x.getEpochSecond() - at.getEpochSecond())))
                .orElseThrow();
    }
}
