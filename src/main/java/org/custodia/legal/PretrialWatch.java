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
    public enum Status { PAST_LIMIT, DUE, WITHIN }

    public record Entry(long personId, String fullName, String bookingNumber, String facilityCode, LocalDate since,
                        long daysInPretrial, Seriousness seriousness, boolean chargeRecorded, LocalDate limitDate,
                        LocalDate extendedTo, long daysLeft, Status status) {
    }

    public record FacilityCount(String facilityCode, long untried, long pastLimit, long due) {
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
            long[] c = counts.computeIfAbsent(e.facilityCode(), k -> new long[3]);
            c[0]++;
            if (e.status() == Status.PAST_LIMIT) {
                c[1]++;
            } else if (e.status() == Status.DUE) {
                c[2]++;
            }
        }
        List<FacilityCount> fc = new ArrayList<>();
        counts.forEach((f, c) -> fc.add(new FacilityCount(f, c[0], c[1], c[2])));
        List<Entry> listed = all.stream().filter(e -> e.status() != Status.WITHIN)
                .sorted(Comparator.comparingLong(Entry::daysLeft).thenComparingLong(Entry::personId)).toList();
        return new Worklist(LocalDate.now(clock), fc, listed);
    }

    private List<Entry> entries(Official official, String facilityCode) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Seriousness> seriousness = new HashMap<>();
        client.sql("select person_id, bool_or(seriousness = 'SERIOUS') from charge group by person_id")
                .query((ResultSet rs) -> {
                    seriousness.put(rs.getLong(1), rs.getBoolean(2) ? Seriousness.SERIOUS : Seriousness.LESS_SERIOUS);
                });
        Map<Long, LocalDate> extensions = new HashMap<>();
        client.sql("select person_id, max(expires_on) from pretrial_extension group by person_id")
                .query((ResultSet rs) -> {
                    extensions.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
        List<Entry> out = new ArrayList<>();
        for (PeopleService.UntriedCustody u : people.untried(official, facilityCode)) {
            LocalDate since = u.since().atZone(ZoneOffset.UTC).toLocalDate();
            Seriousness s = seriousness.get(u.personId());
            boolean charged = s != null;
            Seriousness applied = charged ? s : Seriousness.LESS_SERIOUS;
            LocalDate limit = since.plusMonths(rules.monthsFor(applied));
            LocalDate extended = extensions.get(u.personId());
            LocalDate effective = extended != null && extended.isAfter(limit) ? extended : limit;
            long left = ChronoUnit.DAYS.between(today, effective);
            Status status = left < 0 ? Status.PAST_LIMIT : left <= rules.warningDays() ? Status.DUE : Status.WITHIN;
            out.add(new Entry(u.personId(), u.fullName(), u.bookingNumber(), u.facilityCode(), since,
                    ChronoUnit.DAYS.between(since, today), applied, charged, limit, extended, left, status));
        }
        return out;
    }
}
