package org.custodia.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.BulkCopy;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A work programme that ran before Custodia kept the facility's records (the demo, or a migration), taken on as it
 * was: a workshop, the people allocated to it (from one pavilion, so that no rivals share it), its sessions on its
 * weekdays and the attendance of each. Written with COPY; one {@code WORK_TAKEN_ON} ledger entry per workshop with
 * its figures and the SHA-256 of its attendance.
 */
@Service
public class WorkHistory {
    /** A workshop to take on: its hours, weekdays, pay, how many were allocated and how often they came. */
    public record Plan(String name, String pavilion, int capacity, int allocated, LocalTime starts, LocalTime ends,
                       List<Integer> weekdays, BigDecimal ratePerHour, double attendance) {
    }

    private final JdbcClient client;
    private final BulkCopy bulk;
    private final LedgerService ledger;
    private final LocalDays local;

    WorkHistory(JdbcClient client, BulkCopy bulk, LedgerService ledger, LocalDays local) {
        this.client = client;
        this.bulk = bulk;
        this.ledger = ledger;
        this.local = local;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int takeOn(String facility, Plan plan, List<LocalDate> days, long seed, Actor actor, Instant now) {
        Long place = client.sql("select id from estate_place where facility_code = ? and kind = 'WORKSHOP' "
                + "order by id limit 1").param(facility).query(Long.class).optional().orElse(null);
        List<Long> people = client.sql("""
                        select b.person_id from people_in_custody b join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and (cast(? as text) is null or l.pavilion_code = ?)
                           and l.kind = 'CELL' order by md5(b.person_id::text) limit ?""")
                .params(facility, plan.pavilion(), plan.pavilion(), plan.allocated()).query(Long.class).list();
        if (place == null || people.isEmpty() || days.isEmpty()) {
            return 0;
        }
        long workshop = client.sql("""
                        insert into workshop (facility_code, location_id, name, capacity, starts, ends, weekdays, risk, paid,
                                              rate_per_hour, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'LOW', ?, ?, ?, ?) returning id""")
                .params(facility, place, plan.name(), plan.capacity(), Time.valueOf(plan.starts()),
                        Time.valueOf(plan.ends()), plan.weekdays().toArray(Integer[]::new), plan.ratePerHour() != null,
                        plan.ratePerHour(), actor.account(), Timestamp.from(local.startOf(days.getFirst())))
                .query(Long.class).single();
        Instant since = local.startOf(days.getFirst());
        bulk.copy("copy work_allocation (workshop_id, person_id, status, since, requested_by, requested_at) from stdin",
                sink -> people.forEach(p -> sink.row(workshop, p, "ACTIVE", days.getFirst(), actor.account(), since)));
        List<LocalDate> sessionDays = days.stream()
                .filter(d -> plan.weekdays().contains(d.getDayOfWeek().getValue())).toList();
        long[] sessions = bulk.nextIds("work_session", sessionDays.size());
        bulk.copy("copy work_session (id, workshop_id, day, starts_at, ends_at) from stdin", sink -> {
            for (int i = 0; i < sessionDays.size(); i++) {
                LocalDate d = sessionDays.get(i);
                sink.row(sessions[i], workshop, d, d.atTime(plan.starts()).atZone(local.zone()).toInstant(),
                        d.atTime(plan.ends()).atZone(local.zone()).toInstant());
            }
        });
        BigDecimal hours = BigDecimal.valueOf(java.time.Duration.between(plan.starts(), plan.ends()).toMinutes())
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        Random random = new Random(seed);
        Outcome[] absent = {Outcome.REFUSED, Outcome.SICK, Outcome.NOT_REQUIRED, Outcome.OTHER};
        StringBuilder digest = new StringBuilder();
        int[] attended = {0};
        int rows = (int) bulk.copy("copy work_attendance (session_id, person_id, outcome, hours, pay, recorded_by, "
                + "recorded_at) from stdin", sink -> {
                    for (int i = 0; i < sessionDays.size(); i++) {
                        Instant end = sessionDays.get(i).atTime(plan.ends()).atZone(local.zone()).toInstant();
                        for (long p : people) {
                            Outcome o = random.nextDouble() < plan.attendance() ? Outcome.ATTENDED
                                    : absent[random.nextInt(absent.length)];
                            BigDecimal h = o.worked() ? hours : BigDecimal.ZERO;
                            BigDecimal pay = plan.ratePerHour() == null ? BigDecimal.ZERO
                                    : h.multiply(plan.ratePerHour()).setScale(2, RoundingMode.HALF_UP);
                            sink.row(sessions[i], p, o, h, pay, actor.account(), end);
                            attended[0] += o.worked() ? 1 : 0;
                            digest.append(sessions[i]).append('>').append(p).append(':').append(o).append('\n');
                        }
                    }
                });
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("workshop", workshop);
        payload.put("name", plan.name());
        payload.put("allocated", people.size());
        payload.put("sessions", sessionDays.size());
        payload.put("attendance", rows);
        payload.put("attended", attended[0]);
        payload.put("rowsSha256", Sha256.hex(digest.toString()));
        ledger.append(new LedgerEvent(facility, null, "WORK_TAKEN_ON", payload, actor, now));
        return rows;
    }

    /** The days of a span, for callers that take on a month. */
    public static List<LocalDate> span(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }
}
