package org.custodia.work;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the work programme is, from the records, so that a claim of so many thousands at work can be set against it: people
 * allocated and waiting now, and for a span of days the sessions held and cancelled, the attendance expected
 * (people allocated to each session held), recorded, attended, refused and sick, hours and pay — per day for the
 * chart. One facility, or all of the official's.
 */
@Service
public class WorkFigures {
    public record DayFigures(LocalDate day, long expected, long attended) {
    }

    public record Figures(String scope, LocalDate from, LocalDate to, long workshops, long capacity, long allocated,
                          long waiting, long sessions, long cancelled, long expected, long recorded, long attended,
                          long refused, long sick, long otherAbsent, BigDecimal hours, BigDecimal pay,
                          List<DayFigures> days) {
    }

    private final JdbcClient client;
    private final LocalDays days;

    WorkFigures(JdbcClient client, LocalDays days) {
        this.client = client;
        this.days = days;
    }

    @Transactional(readOnly = true)
    public Figures of(String facility, LocalDate from, LocalDate to, Official official) {
        if (facility != null && !official.sees(facility)) {
            throw new NotFoundException("No facility " + facility);
        }
        LocalDate end = to == null ? days.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (end.isBefore(start) || start.plusDays(366).isBefore(end)) {
            throw new InvalidRequestException("to", "on or after from, at most a year later");
        }
        boolean all = facility == null && official.national();
        String[] scope = facility != null ? new String[] {facility} : official.facilityArray();
        Object[] now = client.sql("""
                        select count(*), coalesce(sum(w.capacity), 0),
                               (select count(*) from work_allocation a join workshop x on x.id = a.workshop_id
                                  join people_in_custody b on b.person_id = a.person_id
                                       and b.facility_code = x.facility_code
                                 where a.status = 'ACTIVE' and (? or x.facility_code = any(?))),
                               (select count(*) from work_allocation a join workshop x on x.id = a.workshop_id
                                 where a.status = 'WAITING' and (? or x.facility_code = any(?)))
                          from workshop w where ? or w.facility_code = any(?)""")
                .params(all, scope, all, scope, all, scope)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        List<DayFigures> series = new ArrayList<>();
        long[] t = new long[8];
        BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO};
        client.sql("""
                        with sessions as (
                            select s.id, s.day, s.workshop_id, s.cancelled_reason is not null as cancelled
                              from work_session s join workshop w on w.id = s.workshop_id
                             where s.day between ? and ? and (? or w.facility_code = any(?))),
                        expected as (
                            select s.day, count(a.id) as n from sessions s
                              join work_allocation a on a.workshop_id = s.workshop_id and a.since <= s.day
                                   and (a.status = 'ACTIVE' or a.status = 'ENDED' and a.ended_on > s.day)
                             where not s.cancelled group by s.day),
                        recorded as (
                            select s.day, count(*) as n, count(*) filter (where x.outcome = 'ATTENDED') as attended,
                                   count(*) filter (where x.outcome = 'REFUSED') as refused,
                                   count(*) filter (where x.outcome = 'SICK') as sick,
                                   count(*) filter (where x.outcome not in ('ATTENDED','REFUSED','SICK')) as other,
                                   sum(x.hours) as hours, sum(x.pay) as pay
                              from sessions s join work_attendance x on x.session_id = s.id group by s.day),
                        held as (
                            select day, count(*) filter (where not cancelled) as held,
                                   count(*) filter (where cancelled) as cancelled from sessions group by day)
                        select h.day, h.held, h.cancelled, coalesce(e.n, 0), coalesce(r.n, 0), coalesce(r.attended, 0),
                               coalesce(r.refused, 0), coalesce(r.sick, 0), coalesce(r.other, 0),
                               coalesce(r.hours, 0), coalesce(r.pay, 0)
                          from held h left join expected e on e.day = h.day left join recorded r on r.day = h.day
                         order by h.day""")
                .params(Date.valueOf(start), Date.valueOf(end), all, scope)
                .query((rs, n) -> {
                    for (int i = 0; i < 8; i++) {
                        t[i] += rs.getLong(i + 2);
                    }
                    money[0] = money[0].add(rs.getBigDecimal(10));
                    money[1] = money[1].add(rs.getBigDecimal(11));
                    return series.add(new DayFigures(rs.getDate(1).toLocalDate(), rs.getLong(4), rs.getLong(6)));
                }).list();
        return new Figures(facility != null ? facility : all ? "NACIONAL" : String.join(",", scope), start, end,
                (long) now[0], (long) now[1], (long) now[2], (long) now[3], t[0], t[1], t[2], t[3], t[4], t[5], t[6],
                t[7], money[0], money[1], series);
    }
}
