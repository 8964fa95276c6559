package org.custodia.health;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.estate.EstateService;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of health care per facility and for the service (the row without a facility): sick-call requests
 * received in a period, how many were triaged and seen, the median and 90th percentile of hours from receipt to
 * triage and, for a clinical symptom or an urgent need, to being seen; and now: requests overdue for triage or for
 * being seen, stays unscreened past the screening hours, reports to the director unanswered. One query each for the
 * period and for now, grouped by facility with the service's total, never built from the lists.
 */
@Service
public class HealthFigures {
    /** One facility's figures, or the service's ({@code facilityCode} null). Hours are null when nothing was timed. */
    public record Row(String facilityCode, long requests, long triaged, long seen, Double triageP50Hours,
                      Double triageP90Hours, Double seenP50Hours, Double seenP90Hours, long overdueTriage,
                      long overdueSeen, long screenings, long screeningsWithInjuries, long illTreatmentDocumented,
                      long unscreenedOverdue, long reportsUnanswered) {
    }

    public record Figures(LocalDate from, LocalDate to, int triageHours, int seenHours, List<Row> rows) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final HealthRules rules;
    private final LocalDays days;
    private final Clock clock;

    HealthFigures(JdbcClient client, EstateService estate, HealthRules rules, LocalDays days, Clock clock) {
        this.client = client;
        this.estate = estate;
        this.rules = rules;
        this.days = days;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures of(String facility, LocalDate from, LocalDate to, Official official) {
        LocalDate last = to == null ? days.today() : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last) || first.plusYears(1).isBefore(last)) {
            throw new InvalidRequestException("to", "on or after from, at most a year later");
        }
        if (facility != null) {
            estate.requireVisible(facility, official);
        }
        boolean all = facility == null && official.national();
        String[] scope = facility != null ? new String[] {facility} : official.facilityArray();
        Instant now = clock.instant();
        List<Row> rows = client.sql("""
                        with calls as (
                            select c.facility_code, c.triaged_at, c.seen_at,
                                   extract(epoch from c.triaged_at - c.received_at) / 3600 as to_triage,
                                   case when c.priority in ('URGENT','SYMPTOM')
                                        then extract(epoch from c.seen_at - c.received_at) / 3600 end as to_seen
                              from sick_call c
                             where c.received_at >= ? and c.received_at < ? and (? or c.facility_code = any(?))
                        ), period as (
                            select facility_code, count(*) as requests, count(triaged_at) as triaged,
                                   count(seen_at) as seen,
                                   percentile_cont(0.5) within group (order by to_triage) as t50,
                                   percentile_cont(0.9) within group (order by to_triage) as t90,
                                   percentile_cont(0.5) within group (order by to_seen) as s50,
                                   percentile_cont(0.9) within group (order by to_seen) as s90
                              from calls group by grouping sets ((facility_code), ())
                        ), open_now as (
                            select c.facility_code,
                                   count(*) filter (where c.triaged_at is null and c.received_at < ?) as overdue_triage,
                                   count(*) filter (where (c.priority = 'URGENT' and c.received_at < ?)
                                                       or (c.priority = 'SYMPTOM' and c.received_at < ?)
                                                       or (c.priority = 'ROUTINE' and c.received_at < ?)) as overdue_seen
                              from sick_call c
                             where c.seen_at is null and (? or c.facility_code = any(?))
                             group by grouping sets ((c.facility_code), ())
                        ), screened as (
                            select s.facility_code, count(*) as screenings,
                                   count(*) filter (where s.injuries) as injuries,
                                   count(*) filter (where s.ill_treatment_signs) as ill_treatment
                              from health_screening s
                             where s.screened_at >= ? and s.screened_at < ? and (? or s.facility_code = any(?))
                             group by grouping sets ((s.facility_code), ())
                        ), unscreened as (
                            select b.facility_code, count(*) as unscreened
                              from people_in_custody b
                              left join clinical_records_since r on r.facility_code = b.facility_code
                             where (? or b.facility_code = any(?)) and b.admitted_at < ?
                               and (r.since is null or b.admitted_at >= r.since)
                               and not exists (select 1 from health_screening s where s.booking_id = b.booking_id)
                             group by grouping sets ((b.facility_code), ())
                        ), reports as (
                            select h.facility_code, count(*) as unanswered from health_report h
                             where h.answered_at is null and (? or h.facility_code = any(?))
                             group by grouping sets ((h.facility_code), ())
                        ), keys as (
                            select facility_code from period union select facility_code from open_now
                            union select facility_code from screened union select facility_code from unscreened
                            union select facility_code from reports
                        )
                        select k.facility_code, coalesce(p.requests, 0), coalesce(p.triaged, 0), coalesce(p.seen, 0),
                               p.t50, p.t90, p.s50, p.s90, coalesce(o.overdue_triage, 0), coalesce(o.overdue_seen, 0),
                               coalesce(s.screenings, 0), coalesce(s.injuries, 0), coalesce(s.ill_treatment, 0),
                               coalesce(u.unscreened, 0), coalesce(r.unanswered, 0)
                          from keys k
                          left join period p on p.facility_code is not distinct from k.facility_code
                          left join open_now o on o.facility_code is not distinct from k.facility_code
                          left join screened s on s.facility_code is not distinct from k.facility_code
                          left join unscreened u on u.facility_code is not distinct from k.facility_code
                          left join reports r on r.facility_code is not distinct from k.facility_code
                         order by k.facility_code nulls last""")
                .params(Timestamp.from(days.startOf(first)), Timestamp.from(days.startOf(last.plusDays(1))), all,
                        scope,
                        Timestamp.from(now.minus(Duration.ofHours(rules.triageHours()))),
                        Timestamp.from(now.minus(Duration.ofHours(rules.urgentHours()))),
                        Timestamp.from(now.minus(Duration.ofHours(rules.seenHours()))),
                        Timestamp.from(now.minus(Duration.ofDays(rules.routineDays()))), all, scope,
                        Timestamp.from(days.startOf(first)), Timestamp.from(days.startOf(last.plusDays(1))), all,
                        scope,
                        all, scope, Timestamp.from(now.minus(Duration.ofHours(rules.screeningHours()))),
                        all, scope)
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rounded(rs.getObject(5)), rounded(rs.getObject(6)), rounded(rs.getObject(7)),
                        rounded(rs.getObject(8)), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getLong(13), rs.getLong(14), rs.getLong(15)))
                .list();
        // every facility asked for or in scope has its row, zeros included; the service's total only for national
        // officials (a scoped official's total would be theirs, not the service's)
        Map<String, Row> byFacility = new TreeMap<>();
        List<String> asked = facility != null ? List.of(facility)
                : estate.facilities(official).stream().map(o -> o.id()).toList();
        asked.forEach(code -> byFacility.put(code, empty(code)));
        Row total = empty(null);
        for (Row r : rows) {
            if (r.facilityCode() == null) {
                total = r;
            } else if (byFacility.containsKey(r.facilityCode())) {
                byFacility.put(r.facilityCode(), r);
            }
        }
        List<Row> shown = new ArrayList<>(byFacility.values());
        if (all) {
            shown.add(total);
        }
        return new Figures(first, last, rules.triageHours(), rules.seenHours(), shown);
    }

    /** A facility where nothing was timed or counted: zeros, not a missing row. */
    private static Row empty(String facility) {
        return new Row(facility, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Double rounded(Object v) {
        return v == null ? null : Math.round(((Number) v).doubleValue() * 10) / 10.0;
    }
}
