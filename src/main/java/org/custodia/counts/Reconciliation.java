package org.custodia.counts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.people.PeopleService;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A count's reconciliation, from a handful of queries whatever the size of the facility: the places counted, each
 * officer's latest submission per place, the explanations, and the people expected per place now (booked there and
 * not out on a movement); names only for the places that need attention.
 */
@Component
public class Reconciliation {
    /** The places a count covers: cells, punishment cells and reception. */
    static final Set<LocationKind> COUNTED = EnumSet.of(LocationKind.CELL, LocationKind.PUNISHMENT,
            LocationKind.RECEPTION);
    private static final String COUNTED_SQL = "('CELL','PUNISHMENT','RECEPTION')";

    record Round(long id, String facilityCode, CountKind kind, String reason, Instant scheduledFor,
                 boolean crossCount, Instant openedAt, String openedBy, Instant signedOffAt, String signedOffBy) {
    }

    private record Submission(long id, long locationId, int counted, int expected, List<Long> missing,
                              List<Long> extraPeople, List<String> extraDescriptions, String note, String by) {
        boolean clear() {
            return counted == expected && missing.isEmpty() && extraPeople.isEmpty() && extraDescriptions.isEmpty();
        }

        boolean agrees(Submission o) {
            return counted == o.counted && new HashSet<>(missing).equals(new HashSet<>(o.missing))
                    && new HashSet<>(extraPeople).equals(new HashSet<>(o.extraPeople))
                    && extraDescriptions.size() == o.extraDescriptions.size();
        }
    }

    private final JdbcClient client;
    private final CountSchedules schedules;

    Reconciliation(JdbcClient client, CountSchedules schedules) {
        this.client = client;
        this.schedules = schedules;
    }

    Round round(long id, Official official) {
        return client.sql("""
                        select id, facility_code, kind, reason, scheduled_for, cross_count, opened_at, opened_by,
                               signed_off_at, signed_off_by
                          from count_round where id = ?""")
                .param(id).query(Reconciliation::round).optional().filter(r -> official.sees(r.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No count " + id));
    }

    static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getLong(1), rs.getString(2), CountKind.valueOf(rs.getString(3)), rs.getString(4),
                instant(rs.getTimestamp(5)), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                instant(rs.getTimestamp(9)), rs.getString(10));
    }

    /** The whole count: summary, the places that need attention with the people concerned, the places not counted. */
    @Transactional(readOnly = true)
    public Count of(long id, Official official) {
        Round r = round(id, official);
        // an open count covers the places there are; a signed-off one the places it counted (places added since
        // were not there to count)
        Map<Long, String> places = new LinkedHashMap<>();
        client.sql("select id, code from estate_place where facility_code = ? and kind in " + COUNTED_SQL
                        + " and (? or id in (select location_id from count_submission where count_id = ?))"
                        + " order by code")
                .params(r.facilityCode(), r.signedOffAt() == null, id)
                .query((rs, n) -> places.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, List<Submission>> subs = submissions(id, null);
        Map<Long, String> explained = explanations(id, null);
        int expectedNow = client.sql("""
                        select count(*) from people_in_custody b join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind in""" + " " + COUNTED_SQL + """
                           and not exists (select 1 from regime_out_of_cell o where o.person_id = b.person_id)""")
                .param(r.facilityCode()).query(Integer.class).single();
        int[] byStatus = new int[CellStatus.values().length];
        int counted = 0;
        List<Long> attentionIds = new ArrayList<>();
        List<Count.Place> uncounted = new ArrayList<>();
        Map<Long, CellStatus> statuses = new HashMap<>();
        for (var place : places.entrySet()) {
            List<Submission> s = subs.getOrDefault(place.getKey(), List.of());
            CellStatus status = status(r, s, explained);
            statuses.put(place.getKey(), status);
            byStatus[status.ordinal()]++;
            if (!s.isEmpty()) {
                counted += s.getFirst().counted();
            }
            if (status == CellStatus.UNCOUNTED) {
                uncounted.add(new Count.Place(place.getKey(), place.getValue()));
            } else if (status != CellStatus.CLEAR) {
                attentionIds.add(place.getKey());
            }
        }
        Map<Long, List<Count.Person>> expectedPeople = expectedPeople(attentionIds);
        Map<Long, String> names = names(attentionIds.stream().flatMap(p -> subs.get(p).stream())
                .flatMap(s -> java.util.stream.Stream.concat(s.missing().stream(), s.extraPeople().stream())).toList());
        List<Count.Cell> attention = attentionIds.stream().map(p -> cell(p, places.get(p), statuses.get(p),
                subs.get(p), explained, names, expectedPeople.getOrDefault(p, List.of()))).toList();
        Count.Summary summary = new Count.Summary(places.size(), byStatus[CellStatus.UNCOUNTED.ordinal()],
                byStatus[CellStatus.AWAITING_CROSS_COUNT.ordinal()], byStatus[CellStatus.CROSS_COUNT_DIFFERS.ordinal()],
                byStatus[CellStatus.DISCREPANCY.ordinal()], byStatus[CellStatus.EXPLAINED.ordinal()],
                byStatus[CellStatus.CLEAR.ordinal()], expectedNow, counted);
        return new Count(r.id(), r.facilityCode(), r.kind(), r.reason(), r.scheduledFor(), r.crossCount(),
                r.openedAt(), r.openedBy(), r.signedOffAt(), r.signedOffBy(), late(r), summary, attention, uncounted);
    }

    /** One place in the count, as the officer who just counted it sees it. */
    Count.Cell cell(Round r, Location place) {
        List<Submission> s = submissions(r.id(), place.id()).getOrDefault(place.id(), List.of());
        Map<Long, String> explained = explanations(r.id(), place.id());
        CellStatus status = status(r, s, explained);
        Map<Long, String> names = names(s.stream().flatMap(x -> java.util.stream.Stream.concat(x.missing().stream(),
                x.extraPeople().stream())).toList());
        List<Count.Person> expected = status == CellStatus.CLEAR ? List.of()
                : expectedPeople(List.of(place.id())).getOrDefault(place.id(), List.of());
        return cell(place.id(), place.code(), status, s, explained, names, expected);
    }

    private static Count.Cell cell(long id, String code, CellStatus status, List<Submission> s,
                                   Map<Long, String> explained, Map<Long, String> names,
                                   List<Count.Person> expectedPeople) {
        if (s == null || s.isEmpty()) {
            return new Count.Cell(id, code, status, null, null, List.of(), List.of(), List.of(), null, null,
                    expectedPeople);
        }
        Submission latest = s.getFirst();
        List<Count.Found> found = new ArrayList<>();
        latest.extraPeople().forEach(p -> found.add(new Count.Found(p, names.get(p), null)));
        latest.extraDescriptions().forEach(d -> found.add(new Count.Found(null, null, d)));
        return new Count.Cell(id, code, status, latest.expected(), latest.counted(),
                latest.missing().stream().map(p -> new Count.Person(p, names.get(p))).toList(), found,
                s.stream().map(Submission::by).toList(), explained.get(latest.id()), latest.note(), expectedPeople);
    }

    /**
     * A place's status from each officer's latest count (newest first): with a cross count, the two newest must
     * agree before the newest is judged; an explanation answers the submission it was given for.
     */
    private static CellStatus status(Round r, List<Submission> s, Map<Long, String> explained) {
        if (s.isEmpty()) {
            return CellStatus.UNCOUNTED;
        }
        if (r.crossCount()) {
            if (s.size() < 2) {
                return CellStatus.AWAITING_CROSS_COUNT;
            }
            if (!s.get(0).agrees(s.get(1))) {
                return CellStatus.CROSS_COUNT_DIFFERS;
            }
        }
        Submission latest = s.getFirst();
        return latest.clear() ? CellStatus.CLEAR
                : explained.containsKey(latest.id()) ? CellStatus.EXPLAINED : CellStatus.DISCREPANCY;
    }

    boolean late(Round r) {
        if (r.scheduledFor() == null) {
            return false;
        }
        int grace = schedules.of(r.facilityCode()).graceMinutes();
        return r.openedAt().isAfter(r.scheduledFor().plus(Duration.ofMinutes(grace)));
    }

    /** Each officer's latest submission per place (of one place when given), newest first. */
    private Map<Long, List<Submission>> submissions(long countId, Long locationId) {
        Map<Long, List<Submission>> out = new HashMap<>();
        client.sql("""
                        select distinct on (location_id, submitted_by) id, location_id, counted, expected, missing,
                               extra_people, extra_descriptions, note, submitted_by
                          from count_submission where count_id = ? and (cast(? as bigint) is null or location_id = ?)
                         order by location_id, submitted_by, id desc""")
                .params(countId, locationId, locationId)
                .query((rs, n) -> new Submission(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        longs(rs.getArray(5)), longs(rs.getArray(6)),
                        Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9)))
                .list().forEach(s -> out.computeIfAbsent(s.locationId(), k -> new ArrayList<>()).add(s));
        out.values().forEach(l -> l.sort(Comparator.comparingLong(Submission::id).reversed()));
        return out;
    }

    long latestSubmission(long countId, long locationId) {
        return client.sql("select max(id) from count_submission where count_id = ? and location_id = ?")
                .params(countId, locationId).query(Long.class).single();
    }

    /** Explanations by the submission they answer. */
    private Map<Long, String> explanations(long countId, Long locationId) {
        Map<Long, String> out = new HashMap<>();
        client.sql("""
                        select submission_id, explanation from count_explanation
                         where count_id = ? and (cast(? as bigint) is null or location_id = ?) order by id""")
                .params(countId, locationId, locationId)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** The people expected in a place now: booked there and not out of their cell on a movement. */
    List<Long> expectedIn(long locationId) {
        return client.sql("""
                        select b.person_id from people_in_custody b where b.location_id = ?
                           and not exists (select 1 from regime_out_of_cell o where o.person_id = b.person_id)
                         order by b.person_id""")
                .param(locationId).query(Long.class).list();
    }

    private Map<Long, List<Count.Person>> expectedPeople(Collection<Long> places) {
        Map<Long, List<Count.Person>> out = new HashMap<>();
        if (places.isEmpty()) {
            return out;
        }
        client.sql("""
                        select b.location_id, b.person_id, b.given_names, b.first_surname, b.second_surname
                          from people_in_custody b where b.location_id = any(?)
                           and not exists (select 1 from regime_out_of_cell o where o.person_id = b.person_id)
                         order by b.location_id, b.first_surname, b.second_surname, b.given_names, b.person_id""")
                .param(places.toArray(Long[]::new))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Count.Person(
                        rs.getLong(2), PeopleService.fullName(rs.getString(3), rs.getString(4), rs.getString(5)))))
                .list();
        return out;
    }

    private Map<Long, String> names(Collection<Long> people) {
        Map<Long, String> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        client.sql("select person_id, given_names, first_surname, second_surname from people_name "
                        + "where person_id = any(?)")
                .param(people.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3),
                        rs.getString(4)))).list();
        return out;
    }

    private static List<Long> longs(java.sql.Array a) throws SQLException {
        return Arrays.asList((Long[]) a.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
