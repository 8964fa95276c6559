package org.custodia.counts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A facility's counts of one local day: each set time with the count that answered it — made, late (opened after
 * the grace minutes), missed, or still due — and every count opened that day, emergency counts included.
 */
@Service
public class CountDays {
    public enum SlotStatus {
        DUE, OPEN, DONE, LATE, MISSED
    }

    public record Slot(LocalTime time, Instant at, SlotStatus status, Long countId) {
    }

    public record Made(long id, CountKind kind, String reason, Instant scheduledFor, Instant openedAt, String openedBy,
                       Instant signedOffAt, String signedOffBy) {
    }

    public record Day(String facilityCode, LocalDate date, List<Slot> slots, List<Made> counts) {
    }

    private final JdbcClient client;
    private final CountSchedules schedules;
    private final LocalDays days;
    private final Clock clock;

    CountDays(JdbcClient client, CountSchedules schedules, LocalDays days, Clock clock) {
        this.client = client;
        this.schedules = schedules;
        this.days = days;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Day day(String facility, LocalDate date, Official official) {
        CountSchedules.Schedule s = schedules.of(facility, official);
        LocalDate day = date == null ? days.today() : date;
        Instant from = days.startOf(day);
        Instant to = days.startOf(day.plusDays(1));
        List<Reconciliation.Round> rounds = client.sql("""
                        select id, facility_code, kind, reason, scheduled_for, cross_count, opened_at, opened_by,
                               signed_off_at, signed_off_by
                          from count_round where facility_code = ?
                           and (opened_at >= ? and opened_at < ? or scheduled_for >= ? and scheduled_for < ?)
                         order by opened_at limit 200""")
                .params(facility, Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
                .query(Reconciliation::round).list();
        Instant now = clock.instant();
        Duration grace = Duration.ofMinutes(s.graceMinutes());
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < s.times().size(); i++) {
            Instant at = schedules.slots(s, day).get(i);
            Reconciliation.Round r = rounds.stream().filter(x -> at.equals(x.scheduledFor())).findFirst().orElse(null);
            SlotStatus status = r == null ? (now.isAfter(at.plus(grace)) ? SlotStatus.MISSED : SlotStatus.DUE)
                    : r.openedAt().isAfter(at.plus(grace)) ? SlotStatus.LATE
                    : r.signedOffAt() == null ? SlotStatus.OPEN : SlotStatus.DONE;
            slots.add(new Slot(s.times().get(i), at, status, r == null ? null : r.id()));
        }
        return new Day(facility, day, slots, rounds.stream().map(r -> new Made(r.id(), r.kind(), r.reason(),
                r.scheduledFor(), r.openedAt(), r.openedBy(), r.signedOffAt(), r.signedOffBy())).toList());
    }
}
