package org.custodia.housing.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A cell as staff and inspectors see it: figures, occupants with their category and groups, and its trend. */
@Service
public class CellViews {
    public record Occupant(long personId, String name, String category, List<String> groups, boolean coDefendants) {
    }

    public record Snapshot(LocalDate day, int population, BigDecimal areaPerPerson) {
    }

    public record CellView(long id, String code, String facilityCode, Long pavilionId, String pavilionCode,
                           String kind, int population, int certifiedCapacity, int limit, boolean emergencyCap,
                           BigDecimal floorAreaM2, BigDecimal areaPerPerson, Map<String, Integer> groups,
                           Map<String, Integer> categories, List<Occupant> occupants, List<Snapshot> trend) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final HousingData data;
    private final AccessLog accessLog;

    CellViews(JdbcClient client, EstateService estate, HousingData data, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.client = client;
        this.estate = estate;
        this.data = data;
    }

    /** Open or disputed affiliation claims per cell of a pavilion: the group composition on the map. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Integer>> pavilionGroups(long pavilionId) {
        Map<Long, Map<String, Integer>> out = new java.util.HashMap<>();
        client.sql("""
                        select b.location_id, c.group_code, count(distinct b.person_id)
                          from people_in_custody b join estate_place l on l.id = b.location_id
                          join affiliation_claim c on c.person_id = b.person_id
                         where l.pavilion_id = ?
                           and not exists (select 1 from affiliation_claim_event e where e.claim_id = c.id
                                            and e.status = 'CLOSED')
                         group by 1, 2 order by 2""")
                .param(pavilionId)
                .query((java.sql.ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return out;
    }

    @Transactional(readOnly = true)
    /** A cell with a free place, as the move dialog suggests it (the rule check decides). */
    public record Room(String code, int population, int certifiedCapacity) {
    }

    /** Cells of the facility with a free certified place, for the move dialog's list. */
    public List<Room> withRoom(String facilityCode) {
        return client.sql("""
                        select code, population, certified_capacity from estate_place
                         where facility_code = ? and kind = 'CELL' and certified_capacity is not null
                           and population < certified_capacity
                         order by code limit 2000""")
                .param(facilityCode)
                .query((rs, n) -> new Room(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    public CellView cell(long id, Official official) {
        Location l = estate.location(id).filter(x -> official.sees(x.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No cell " + id));
        if (l.certifiedCapacity() == null) {
            throw new NotFoundException("Location " + l.code() + " is not a cell");
        }
        HousingState s = data.around(List.of(), List.of(id), List.of());
        HousingCell c = s.cells().get(id);
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        List<Occupant> occupants = s.occupants(id).stream().map(s::resident)
                .sorted(Comparator.comparing(Resident::name))
                .map(r -> {
                    r.groups().forEach(g -> groups.merge(g, 1, Integer::sum));
                    categories.merge(r.category(), 1, Integer::sum);
                    return new Occupant(r.personId(), r.name(), r.category(), r.groups().stream().sorted().toList(),
                            s.holdsCoDefendant(r.personId(), id));
                }).toList();
        List<Snapshot> trend = client.sql("""
                        select day, population, case when population > 0 then round(floor_area_m2 / population, 2) end
                          from cell_occupancy_snapshot where location_id = ? order by day desc limit 90""")
                .param(id).query((rs, n) -> new Snapshot(rs.getDate(1).toLocalDate(), rs.getInt(2),
                        rs.getBigDecimal(3))).list().reversed();
        String pavilionCode = c.pavilionCode();
        CellView view = new CellView(id, l.code(), l.facilityCode(), l.pavilionId(), pavilionCode, l.kind().name(),
                l.population(), c.certifiedCapacity(), c.limit(), c.capped(), l.floorAreaM2(),
                l.population() == 0 || l.floorAreaM2() == null ? null
                        : l.floorAreaM2().divide(BigDecimal.valueOf(l.population()), 2, java.math.RoundingMode.HALF_UP),
                groups, categories, occupants, trend);
        // every person on the cell page is a read of that person (MANDELA-9)
        accessLog.peopleRead("READ_PERSON", view.occupants().stream().map(Occupant::personId).toList(),
                "cell " + l.code());
        return view;
    }
}
