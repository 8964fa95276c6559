package org.custodia.estate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.FacilityDirectory;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The estate and its population counts. Every change to the estate writes a ledger entry on the facility's chain;
 * {@link #occupy} and {@link #vacate} keep each location's population in the transaction of the custody change.
 */
@Service
public class EstateService implements FacilityDirectory {
    private static final String LOCATION_COLUMNS = "id, facility_code, pavilion_id, code, kind, level, floor_area_m2, "
            + "certified_capacity, bunks, population";

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final LedgerService ledger;
    private final SpaceStandards standards;
    private final Clock clock;
    private final RecordCheck check;

    EstateService(JdbcClient client, JdbcTemplate jdbc, LedgerService ledger, SpaceStandards standards, Clock clock,
                  RecordCheck check) {
        this.check = check;
        this.client = client;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.standards = standards;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String facilityCode) {
        return client.sql("select count(*) from facility where code = ?").param(facilityCode).query(Long.class)
                .single() > 0;
    }

    @Transactional
    public void registerFacility(NewFacility f, Actor actor) {
        check.require(f, "The facility cannot be registered");
        if (exists(f.code())) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS, "Facility " + f.code() + " already exists");
        }
        client.sql("insert into facility (code, name, kind, jurisdiction, declared_capacity) values (?, ?, ?, ?, ?)")
                .params(f.code(), f.name().strip(), f.kind().name(), f.jurisdiction(), f.declaredCapacity()).update();
        ledger.append(new LedgerEvent(f.code(), null, "FACILITY_REGISTERED",
                Map.of("code", f.code(), "name", f.name().strip(), "kind", f.kind(), "jurisdiction",
                        f.jurisdiction(), "declaredCapacity", f.declaredCapacity()),
                actor, clock.instant()));
    }

    @Transactional
    public long addPavilion(String facilityCode, String code, String name, int levels, Actor actor) {
        requireFacility(facilityCode);
        if (code == null || code.isBlank() || name == null || name.isBlank() || levels < 1 || levels > 10) {
            throw new InvalidRequestException("pavilion", "code and name are required; levels 1-10");
        }
        long id = client.sql("insert into pavilion (facility_code, code, name, levels) values (?, ?, ?, ?) returning id")
                .params(facilityCode, code, name, levels).query(Long.class).single();
        ledger.append(new LedgerEvent(facilityCode, null, "PAVILION_ADDED",
                Map.of("pavilion", code, "name", name, "levels", levels), actor, clock.instant()));
        return id;
    }

    /** Adds many locations in one batch, each with its ledger entry. */
    @Transactional
    public void addLocations(String facilityCode, List<NewLocation> locations, Actor actor) {
        requireFacility(facilityCode);
        Map<String, Long> pavilions = new HashMap<>();
        client.sql("select code, id from pavilion where facility_code = ?").param(facilityCode)
                .query((ResultSet rs) -> {
                    pavilions.put(rs.getString(1), rs.getLong(2));
                });
        List<Object[]> rows = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        for (NewLocation l : locations) {
            validate(l, pavilions);
            rows.add(new Object[] {facilityCode, l.pavilionCode() == null ? null : pavilions.get(l.pavilionCode()),
                    l.code(), l.kind().name(), l.level(), l.floorAreaM2(), l.certifiedCapacity(), l.bunks()});
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("location", l.code());
            payload.put("pavilion", l.pavilionCode());
            payload.put("kind", l.kind());
            payload.put("level", l.level());
            payload.put("floorAreaM2", l.floorAreaM2());
            payload.put("certifiedCapacity", l.certifiedCapacity());
            payload.put("bunks", l.bunks());
            events.add(new LedgerEvent(facilityCode, null, "LOCATION_ADDED", payload, actor, clock.instant()));
        }
        jdbc.batchUpdate("insert into location (facility_code, pavilion_id, code, kind, level, floor_area_m2, "
                + "certified_capacity, bunks) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        ledger.appendAll(events);
    }

    private void validate(NewLocation l, Map<String, Long> pavilions) {
        if (l == null) {
            throw new InvalidRequestException("locations", "each location is an object");
        }
        check.require(l, "Location " + l.code() + " is not valid");
        Map<String, String> errors = new LinkedHashMap<>();
        if (l.pavilionCode() != null && !pavilions.containsKey(l.pavilionCode())) {
            errors.put("pavilionCode", "unknown pavilion " + l.pavilionCode());
        }
        if (l.kind() == LocationKind.CELL || l.kind() == LocationKind.PUNISHMENT) {
            if (l.floorAreaM2() == null || l.floorAreaM2().signum() <= 0) {
                errors.put("floorAreaM2", "a cell needs its floor area");
            }
            if (l.certifiedCapacity() == null || l.certifiedCapacity() < 0) {
                errors.put("certifiedCapacity", "a cell needs its certified capacity");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Location " + l.code() + " is not valid", errors);
        }
    }

    /**
     * After an estate and its population are taken on in one transaction, before take-ons that join them: the
     * planner's statistics of the locations (see V36; without them it takes the new tables for empty).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void analyseTakenOn() {
        client.sql("select estate_analyse()").query().listOfRows();
    }

    /**
     * Counts one more person in a location. With {@code enforceCapacity} a cell (or punishment cell) never goes
     * past its certified capacity: the check and the increment are one statement, so two officers cannot both take
     * the last place.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Location occupy(long locationId, boolean enforceCapacity) {
        int updated = client.sql("""
                        update location set population = population + 1
                         where id = ? and (not ? or certified_capacity is null or kind not in ('CELL','PUNISHMENT')
                                           or population + 1 <= certified_capacity)""")
                .params(locationId, enforceCapacity).update();
        if (updated == 0) {
            Location l = location(locationId).orElseThrow(() -> new NotFoundException("No location " + locationId));
            throw new ConflictException(ErrorCode.CAPACITY_EXCEEDED,
                    "Location " + l.code() + " is full: " + l.population() + " of "
                    + l.certifiedCapacity() + " certified places taken");
        }
        return location(locationId).orElseThrow();
    }

    /**
     * Counts many people into locations at once (bulk admission). With {@code enforceCapacity} no cell goes past its
     * certified capacity (checked in the same statement as the increment); without it (taking on an existing
     * population as found) the count is recorded as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void occupyAll(Map<Long, Integer> countsByLocation, boolean enforceCapacity) {
        Long refused = addPopulation(countsByLocation, Map.of(), enforceCapacity
                ? "(l.certified_capacity is null or l.kind not in ('CELL','PUNISHMENT') "
                  + "or l.population + v.n <= l.certified_capacity)"
                : "true");
        if (refused != null) {
            throw new ConflictException(ErrorCode.CAPACITY_EXCEEDED, "Location " + code(refused)
                    + " has too few free certified places for " + countsByLocation.get(refused) + " people");
        }
    }

    /**
     * Counts people into locations, each held to its limit in the same statement (a location without a limit in
     * {@code limits} has none): the last check against a race, after housing has checked the rules under lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void occupyWithin(Map<Long, Integer> countsByLocation, Map<Long, Integer> limits) {
        Long refused = addPopulation(countsByLocation, limits, "(v.lim is null or l.population + v.n <= v.lim)");
        if (refused != null) {
            throw new ConflictException(ErrorCode.CAPACITY_EXCEEDED, "Location " + code(refused)
                    + " has too few free places for " + countsByLocation.get(refused) + " more");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void vacateAll(Map<Long, Integer> countsByLocation) {
        Map<Long, Integer> leaving = new HashMap<>();
        countsByLocation.forEach((id, n) -> leaving.put(id, -n));
        Long refused = addPopulation(leaving, Map.of(), "l.population + v.n >= 0");
        if (refused != null) {
            throw new IllegalStateException("population of location " + refused + " would go below zero");
        }
    }

    /**
     * Adds to the population of each location in one statement where {@code condition} (over {@code l}, the
     * location, and {@code v.n}, {@code v.lim}) holds, the locations locked in id order first so that concurrent
     * changes cannot deadlock; returns the lowest id where it did not hold (null when every one was counted). A
     * population taken on is counted into hundreds of cells at once: one statement each was 19,000 round trips.
     */
    private Long addPopulation(Map<Long, Integer> deltas, Map<Long, Integer> limits, String condition) {
        if (deltas.isEmpty()) {
            return null;
        }
        Long[] ids = deltas.keySet().stream().sorted().toArray(Long[]::new);
        Integer[] n = Arrays.stream(ids).map(deltas::get).toArray(Integer[]::new);
        Integer[] lim = Arrays.stream(ids).map(limits::get).toArray(Integer[]::new);
        client.sql("select id from location where id = any(?) order by id for update").param(ids)
                .query(Long.class).list();
        Set<Long> counted = new HashSet<>(client.sql("""
                        update location l set population = l.population + v.n
                          from unnest(?::bigint[], ?::int[], ?::int[]) as v(id, n, lim)
                         where l.id = v.id and\s""" + condition + " returning l.id")
                .params(ids, n, lim).query(Long.class).list());
        return Arrays.stream(ids).filter(id -> !counted.contains(id)).findFirst().orElse(null);
    }

    private String code(long locationId) {
        return location(locationId).map(Location::code).orElse("?");
    }

    /**
     * Locks pavilions, then locations, each in id order, until the transaction ends: every change of who is where
     * takes them in this order, so rules checked after the lock hold at commit and concurrent moves cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<Long> pavilionIds, Collection<Long> locationIds) {
        client.sql("select id from pavilion where id = any(?) order by id for update")
                .param(pavilionIds.stream().distinct().toArray(Long[]::new)).query(Long.class).list();
        client.sql("select id from location where id = any(?) order by id for update")
                .param(locationIds.stream().distinct().toArray(Long[]::new)).query(Long.class).list();
    }

    /** Locks facilities (before any pavilion): a transfer in re-checks facility-level separation under it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockFacilities(Collection<String> codes) {
        client.sql("select code from facility where code = any(?) order by code for update")
                .param(codes.stream().distinct().toArray(String[]::new)).query(String.class).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void vacate(long locationId) {
        int updated = client.sql("update location set population = population - 1 where id = ? and population > 0")
                .param(locationId).update();
        if (updated == 0) {
            throw new IllegalStateException("population of location " + locationId + " would go below zero");
        }
    }

    @Transactional(readOnly = true)
    public Optional<Location> location(long id) {
        return client.sql("select " + LOCATION_COLUMNS + " from location where id = ?").param(id)
                .query(EstateService::location).optional();
    }

    /** These places, by id, in one query (unknown ids are absent). */
    @Transactional(readOnly = true)
    public Map<Long, Location> locations(Collection<Long> ids) {
        Map<Long, Location> out = new HashMap<>();
        if (!ids.isEmpty()) {
            client.sql("select " + LOCATION_COLUMNS + " from location where id = any(?)")
                    .param(ids.stream().distinct().toArray(Long[]::new))
                    .query(EstateService::location).list().forEach(l -> out.put(l.id(), l));
        }
        return out;
    }

    /** The codes of these places, by id, in one query (for other modules' records that name a place). */
    @Transactional(readOnly = true)
    public Map<Long, String> locationCodes(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        locations(ids).forEach((id, l) -> out.put(id, l.code()));
        return out;
    }


    @Transactional(readOnly = true)
    public Optional<Location> location(String facilityCode, String code) {
        return client.sql("select " + LOCATION_COLUMNS + " from location where facility_code = ? and code = ?")
                .params(facilityCode, code).query(EstateService::location).optional();
    }

    /** Where new arrivals are placed: the facility's reception. */
    @Transactional(readOnly = true)
    public Optional<Location> reception(String facilityCode) {
        return client.sql("select " + LOCATION_COLUMNS + " from location where facility_code = ? and kind = 'RECEPTION' "
                        + "order by id limit 1")
                .param(facilityCode).query(EstateService::location).optional();
    }

    @Transactional(readOnly = true)
    public List<Location> locations(String facilityCode) {
        return client.sql("select " + LOCATION_COLUMNS + " from location where facility_code = ? order by id")
                .param(facilityCode).query(EstateService::location).list();
    }

    @Transactional(readOnly = true)
    public Optional<String> facilityName(String code) {
        return client.sql("select name from facility where code = ?").param(code).query(String.class).optional();
    }

    /** Facilities the official may see, with their figures. */
    @Transactional(readOnly = true)
    public List<Occupancy> facilities(Official official) {
        return client.sql("""
                        select f.code, f.name, f.declared_capacity,
                               coalesce(sum(l.certified_capacity) filter (where l.kind = 'CELL'), 0),
                               coalesce(sum(l.population), 0),
                               coalesce(sum(l.population) filter (where l.kind = 'CELL'), 0),
                               sum(l.floor_area_m2) filter (where l.kind = 'CELL')
                          from facility f left join location l on l.facility_code = f.code
                         where ? or f.code = any(?)
                         group by f.code order by f.declared_capacity desc, f.code""")
                .params(official.national(), official.facilityArray())
                .query((rs, n) -> standards.occupancy("facility", rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7)))
                .list();
    }

    @Transactional(readOnly = true)
    public Occupancy facility(String code, Official official) {
        requireVisible(code, official);
        return facilities(official).stream().filter(o -> o.id().equals(code)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Occupancy> pavilions(String facilityCode, Official official) {
        requireVisible(facilityCode, official);
        return client.sql("""
                        select p.id, p.name,
                               coalesce(sum(l.certified_capacity) filter (where l.kind = 'CELL'), 0),
                               coalesce(sum(l.population), 0),
                               coalesce(sum(l.population) filter (where l.kind = 'CELL'), 0),
                               sum(l.floor_area_m2) filter (where l.kind = 'CELL')
                          from pavilion p left join location l on l.pavilion_id = p.id
                         where p.facility_code = ? group by p.id order by p.code""")
                .param(facilityCode)
                .query((rs, n) -> standards.occupancy("pavilion", Long.toString(rs.getLong(1)), rs.getString(2), null,
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6)))
                .list();
    }

    /** Cells and other locations of one pavilion, each with its figures. */
    @Transactional(readOnly = true)
    public PavilionMap pavilionMap(long pavilionId, Official official) {
        Map<String, Object> p = client.sql("select facility_code, code, name, levels from pavilion where id = ?")
                .param(pavilionId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No pavilion " + pavilionId));
        String facilityCode = (String) p.get("facility_code");
        requireVisible(facilityCode, official);
        List<PavilionMap.Cell> cells = client.sql("select " + LOCATION_COLUMNS
                        + " from location where pavilion_id = ? order by level, code")
                .param(pavilionId).query(EstateService::location).list().stream()
                .map(l -> new PavilionMap.Cell(l, cellOccupancy(l)))
                .toList();
        Occupancy total = pavilions(facilityCode, official).stream()
                .filter(o -> o.id().equals(Long.toString(pavilionId))).findFirst().orElseThrow();
        return new PavilionMap(pavilionId, facilityCode, (String) p.get("code"), (String) p.get("name"),
                ((Number) p.get("levels")).intValue(), total, cells);
    }

    public Occupancy cellOccupancy(Location l) {
        int cap = l.certifiedCapacity() == null ? 0 : l.certifiedCapacity();
        return standards.occupancy("location", Long.toString(l.id()), l.code(), null, cap, l.population(),
                l.population(), l.floorAreaM2());
    }

    public void requireVisible(String facilityCode, Official official) {
        if (!exists(facilityCode) || !official.sees(facilityCode)) {
            throw new NotFoundException("No facility " + facilityCode);
        }
    }

    private void requireFacility(String code) {
        if (code == null || !exists(code)) {
            throw new NotFoundException("No facility " + code);
        }
    }

    static Location location(ResultSet rs, int n) throws SQLException {
        return new Location(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                LocationKind.valueOf(rs.getString(5)), rs.getObject(6, Integer.class), rs.getBigDecimal(7),
                rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getInt(10));
    }
}
