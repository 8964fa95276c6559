package org.custodia.counts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.estate.EstateService;
import org.custodia.estate.LocationKind;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The establishment roll, computed from bookings and movements as established services publish it: population; in
 * cell; out of cell by purpose (and overdue back); in reception; in transit; booked at court or hospital; arrived
 * and left today (local day); certified capacity of the cells; net vacancies (never below 0 per cell, punishment
 * cells left out); cells and people over certified capacity. Per facility with its pavilions, per pavilion with its
 * cells, or national.
 */
@Service
public class RollService {
    /**
     * The figures of a part of the estate. Each person held is in exactly one of in cell, out of cell (on a
     * movement), in reception, in transit, booked at court or hospital, or booked elsewhere (the medical unit).
     * Arrivals and departures are known per facility (null below it).
     */
    public record Figures(int population, int inCell, int outOfCell, Map<String, Integer> outByPurpose,
                          int overdueBack, int inReception, int inTransit, int atCourtOrHospital, int elsewhere,
                          Integer arrivedToday, Integer leftToday, int certifiedCapacity, int netVacancies,
                          int cellsOverCapacity, int peopleOverCapacity) {
    }

    /** A facility, a pavilion or a place of the roll with its figures. */
    public record Line(String facilityCode, String pavilionCode, Long locationId, String code, Figures figures) {
    }

    public record Roll(String scope, Instant asOf, Figures total, List<Line> lines) {
    }

    /** One place's counts, as the roll sums them. */
    private record Place(long id, String facility, String pavilion, String code, LocationKind kind, Integer capacity,
                         int population, int out, int overdue) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final LocalDays days;
    private final Clock clock;

    RollService(JdbcClient client, EstateService estate, LocalDays days, Clock clock) {
        this.client = client;
        this.estate = estate;
        this.days = days;
        this.clock = clock;
    }

    /** A facility's roll, with a line per pavilion (places outside any pavilion on a line of their own). */
    @Transactional(readOnly = true)
    public Roll facility(String facility, Official official) {
        estate.requireVisible(facility, official);
        Instant now = clock.instant();
        List<Place> places = places(new String[] {facility}, null, now);
        Map<String, Map<String, Integer>> purposes = purposes(new String[] {facility}, true);
        Map<String, int[]> moves = arrivalsAndDepartures(new String[] {facility}, now);
        Map<String, List<Place>> byPavilion = new TreeMap<>();
        places.forEach(p -> byPavilion.computeIfAbsent(p.pavilion() == null ? "" : p.pavilion(),
                k -> new ArrayList<>()).add(p));
        List<Line> lines = new ArrayList<>();
        byPavilion.forEach((pavilion, ps) -> lines.add(new Line(facility, pavilion.isEmpty() ? null : pavilion, null,
                null, figures(ps, purposes.getOrDefault(pavilion, Map.of()), null))));
        Figures total = figures(places, sum(purposes.values()), moves.getOrDefault(facility, new int[2]));
        return new Roll(facility, now, total, lines);
    }

    /** A pavilion's places, a page at a time, each with its figures. */
    @Transactional(readOnly = true)
    public Page<Line> pavilion(String facility, String pavilion, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        Instant now = clock.instant();
        List<Place> places = places(new String[] {facility}, pavilion, now);
        if (places.isEmpty()) {
            throw new NotFoundException("No pavilion " + pavilion + " in " + facility);
        }
        int from = (int) Math.min(Page.offset(page, size), places.size());
        List<Line> lines = places.subList(from, Math.min(from + size, places.size())).stream()
                .map(p -> new Line(facility, pavilion, p.id(), p.code(), figures(List.of(p), Map.of(), null)))
                .toList();
        return new Page<>(lines, page, size, places.size());
    }

    /** The national roll (or the official's facilities): a line per facility and the total. */
    @Transactional(readOnly = true)
    public Roll national(Official official) {
        Instant now = clock.instant();
        String[] scope = official.national() ? null : official.facilityArray();
        List<Place> places = places(scope, null, now);
        Map<String, Map<String, Integer>> purposes = purposes(scope, false);
        Map<String, int[]> moves = arrivalsAndDepartures(scope, now);
        Map<String, List<Place>> byFacility = new TreeMap<>();
        places.forEach(p -> byFacility.computeIfAbsent(p.facility(), k -> new ArrayList<>()).add(p));
        List<Line> lines = new ArrayList<>();
        byFacility.forEach((f, ps) -> lines.add(new Line(f, null, null, null,
                figures(ps, purposes.getOrDefault(f, Map.of()), moves.getOrDefault(f, new int[2])))));
        int[] allMoves = new int[2];
        moves.values().forEach(m -> {
            allMoves[0] += m[0];
            allMoves[1] += m[1];
        });
        return new Roll(official.national() ? "NACIONAL" : String.join(",", byFacility.keySet()), now,
                figures(places, sum(purposes.values()), allMoves), lines);
    }

    private static Figures figures(List<Place> places, Map<String, Integer> purposes, int[] moves) {
        int population = 0, inCell = 0, out = 0, overdue = 0, reception = 0, transit = 0, outside = 0, elsewhere = 0,
                capacity = 0, vacancies = 0, cellsOver = 0, peopleOver = 0;
        for (Place p : places) {
            population += p.population();
            out += p.out();
            overdue += p.overdue();
            switch (p.kind()) {
                case CELL, PUNISHMENT -> inCell += p.population() - p.out();
                case RECEPTION -> reception += p.population() - p.out();
                case TRANSIT -> transit += p.population() - p.out();
                case COURT, HOSPITAL -> outside += p.population() - p.out();
                default -> elsewhere += p.population() - p.out();
            }
            if (p.capacity() != null && (p.kind() == LocationKind.CELL || p.kind() == LocationKind.PUNISHMENT)) {
                if (p.kind() == LocationKind.CELL) {
                    capacity += p.capacity();
                    vacancies += Math.max(p.capacity() - p.population(), 0);
                }
                if (p.population() > p.capacity()) {
                    cellsOver++;
                    peopleOver += p.population() - p.capacity();
                }
            }
        }
        return new Figures(population, inCell, out, purposes, overdue, reception, transit, outside, elsewhere,
                moves == null ? null : moves[0], moves == null ? null : moves[1], capacity, vacancies, cellsOver,
                peopleOver);
    }

    /** Every place in scope (all facilities when null; one pavilion when given) with its people and who is out. */
    private List<Place> places(String[] facilities, String pavilion, Instant now) {
        return client.sql("""
                        select l.id, l.facility_code, l.pavilion_code, l.code, l.kind, l.certified_capacity,
                               count(b.person_id), count(o.person_id), count(o.person_id) filter (where o.due_back_at < ?)
                          from estate_place l
                          left join people_in_custody b on b.location_id = l.id
                          left join regime_out_of_cell o on o.person_id = b.person_id
                         where (cast(? as text[]) is null or l.facility_code = any(?))
                           and (cast(? as text) is null or l.pavilion_code = ?)
                         group by l.id, l.facility_code, l.pavilion_code, l.code, l.kind, l.certified_capacity
                         order by l.facility_code, l.pavilion_code nulls last, l.code""")
                .params(Timestamp.from(now), facilities, facilities, pavilion, pavilion)
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        LocationKind.valueOf(rs.getString(5)), rs.getObject(6, Integer.class), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9)))
                .list();
    }

    /** People out of their cells by purpose, per pavilion ("" outside pavilions) or per facility. */
    private Map<String, Map<String, Integer>> purposes(String[] facilities, boolean byPavilion) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        client.sql("""
                        select case when ? then coalesce(l.pavilion_code, '') else b.facility_code end, o.purpose, count(*)
                          from regime_out_of_cell o join people_in_custody b on b.person_id = o.person_id
                          join estate_place l on l.id = b.location_id
                         where cast(? as text[]) is null or b.facility_code = any(?)
                         group by 1, 2""")
                .params(byPavilion, facilities, facilities)
                .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        return out;
    }

    private static Map<String, Integer> sum(java.util.Collection<Map<String, Integer>> parts) {
        Map<String, Integer> out = new TreeMap<>();
        parts.forEach(m -> m.forEach((k, v) -> out.merge(k, v, Integer::sum)));
        return out;
    }

    /**
     * Per facility: people who arrived today (admitted, or received on a transfer) and who left (released, or
     * received by another facility), in the service's local day.
     */
    private Map<String, int[]> arrivalsAndDepartures(String[] facilities, Instant now) {
        Timestamp since = Timestamp.from(days.startOf(days.dayOf(now)));
        Map<String, int[]> out = new LinkedHashMap<>();
        client.sql("""
                        select facility, sum(arrived)::int, sum(departed)::int from (
                            select facility_code as facility, count(*) filter (where admitted_at >= ?) as arrived,
                                   count(*) filter (where released_at >= ?) as departed
                              from people_stay where admitted_at >= ? or released_at >= ? group by facility_code
                            union all
                            select to_facility, count(*), 0 from housing_transfer where received_at >= ?
                             group by to_facility
                            union all
                            select from_facility, 0, count(*) from housing_transfer where received_at >= ?
                             group by from_facility) t
                         where cast(? as text[]) is null or facility = any(?)
                         group by facility""")
                .params(since, since, since, since, since, since, facilities, facilities)
                .query((rs, n) -> out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        return out;
    }
}
