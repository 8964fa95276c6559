package org.custodia.legal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.people.PeopleService;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Days in pretrial detention for everyone held untried, against the limit of their most serious charge
 * (SV-CPP-8) or a later recorded extension (SV-LECO-2025). Someone with no charge recorded is held to the shorter
 * limit and marked, so that nobody passes a limit silently.
 */
@Service
public class PretrialWatch {
    /**
     * {@code EXTENDED}: past or near the legal limit, held on a court's extension; listed so that the inspector
     * sees every extension that took someone off the past-limit list.
     */
    public enum Status { PAST_LIMIT, DUE, EXTENDED, WITHIN }

    public record Entry(long personId, String fullName, String bookingNumber, String facilityCode, LocalDate since,
                        long daysInPretrial, Seriousness seriousness, boolean chargeRecorded, LocalDate limitDate,
                        LocalDate extendedTo, String courtResolution, long daysLeft, Status status) {
    }

    public record FacilityCount(String facilityCode, long untried, long pastLimit, long due, long extended) {
    }

    public record Worklist(LocalDate asOf, List<FacilityCount> counts, List<Entry> entries) {
    }

    private final PeopleService people;
    private final JdbcClient client;
    private final PretrialRules rules;
    private final Clock clock;

    PretrialWatch(PeopleService people, JdbcClient client, PretrialRules rules, Clock clock) {
        this.people = people;
        this.client = client;
        this.rules = rules;
        this.clock = clock;
    }

    /** Everyone within the warning period of a limit or past it, most overdue first, with counts per facility. */
    @Transactional(readOnly = true)
    public Worklist worklist(Official official, String facilityCode) {
        List<Entry> all = entries(official, facilityCode);
        Map<String, long[]> counts = new TreeMap<>();
        for (Entry e : all) {
            long[] c = counts.computeIfAbsent(e.facilityCode(), k -> new long[4]);
            c[0]++;
            switch (e.status()) {
                case PAST_LIMIT -> c[1]++;
                case DUE -> c[2]++;
                case EXTENDED -> c[3]++;
                case WITHIN -> { }
            }
        }
        List<FacilityCount> fc = new ArrayList<>();
        counts.forEach((f, c) -> fc.add(new FacilityCount(f, c[0], c[1], c[2], c[3])));
        List<Entry> listed = all.stream().filter(e -> e.status() != Status.WITHIN)
                .sorted(Comparator.comparingLong(Entry::daysLeft).thenComparingLong(Entry::personId)).toList();
        return new Worklist(LocalDate.now(clock), fc, listed);
    }

    /**
     * The latest date a court may extend this person's pretrial detention to: their legal limit (by their most
     * serious charge, counted from {@code since}) plus the most the law allows (SV-LECO-2025).
     */
    @Transactional(readOnly = true)
    public LocalDate latestExtension(long personId, LocalDate since) {
        boolean serious = client.sql("select coalesce(bool_or(seriousness = 'SERIOUS'), false) from charge "
                + "where person_id = ?").param(personId).query(Boolean.class).single();
        return since.plusMonths(rules.monthsFor(serious ? Seriousness.SERIOUS : Seriousness.LESS_SERIOUS))
                .plusMonths(rules.maxExtensionMonths());
    }

    private List<Entry> entries(Official official, String facilityCode) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Seriousness> seriousness = new HashMap<>();
        client.sql("select person_id, bool_or(seriousness = 'SERIOUS') from charge group by person_id")
                .query((ResultSet rs) -> {
                    seriousness.put(rs.getLong(1), rs.getBoolean(2) ? Seriousness.SERIOUS : Seriousness.LESS_SERIOUS);
                });
        // an extension belongs to the stay it was ordered in, never to a later one
        record Extension(LocalDate expiresOn, String courtResolution) {
        }
        Map<String, Extension> extensions = new HashMap<>();
        client.sql("""
                        select distinct on (booking_number) booking_number, expires_on, court_resolution
                          from pretrial_extension where booking_number is not null
                         order by booking_number, expires_on desc, id desc""")
                .query((ResultSet rs) -> {
                    extensions.put(rs.getString(1), new Extension(rs.getDate(2).toLocalDate(), rs.getString(3)));
                });
        List<Entry> out = new ArrayList<>();
        for (PeopleService.UntriedCustody u : people.untried(official, facilityCode)) {
            LocalDate since = u.since().atZone(ZoneOffset.UTC).toLocalDate();
            Seriousness s = seriousness.get(u.personId());
            boolean charged = s != null;
            Seriousness applied = charged ? s : Seriousness.LESS_SERIOUS;
            LocalDate limit = since.plusMonths(rules.monthsFor(applied));
            Extension ext = extensions.get(u.bookingNumber());
            LocalDate extended = ext == null ? null : ext.expiresOn();
            LocalDate effective = extended != null && extended.isAfter(limit) ? extended : limit;
            long left = ChronoUnit.DAYS.between(today, effective);
            Status status = left < 0 ? Status.PAST_LIMIT : left <= rules.warningDays() ? Status.DUE : Status.WITHIN;
            if (status == Status.WITHIN && effective != limit
                    && ChronoUnit.DAYS.between(today, limit) <= rules.warningDays()) {
                status = Status.EXTENDED;
            }
            out.add(new Entry(u.personId(), u.fullName(), u.bookingNumber(), u.facilityCode(), since,
                    ChronoUnit.DAYS.between(since, today), applied, charged, limit, extended,
                    ext == null ? null : ext.courtResolution(), left, status));
        }
        return out;
    }
}
