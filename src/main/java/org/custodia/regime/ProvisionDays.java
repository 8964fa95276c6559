package org.custodia.regime;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodia.estate.EstateService;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Food and water per cell for a local day, from what was issued: energy and protein per person (each meal divided
 * among the people in the cell when it was issued), drinking water per person, each checked against FOOD-KCAL,
 * the protein share and ICRC-WATER-CELL; the reasons given for a shortfall. One aggregate query per facility; the
 * cells come a page at a time, the summary counts them all.
 */
@Service
public class ProvisionDays {
    public record Cell(long locationId, String code, String pavilionCode, int people, Set<Meal> issued,
                       double kcalPerPerson, double proteinShare, double litresPerPerson, boolean kcalMet,
                       boolean proteinMet, boolean waterMet, Set<String> reasons) {
        public boolean belowStandard() {
            return people > 0 && (!kcalMet || !proteinMet || !waterMet);
        }
    }

    public record Summary(int cells, int occupied, int belowKcal, int belowProtein, int belowWater, int noMeal,
                          int noWater, long peopleInCellsBelowStandard, double kcalPerDay, double proteinShare,
                          double waterLitresPerDay) {
    }

    public record Day(String facilityCode, LocalDate date, Summary summary, Page<Cell> cells) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final ProvisionStandards standards;
    private final LocalDays days;

    ProvisionDays(JdbcClient client, EstateService estate, ProvisionStandards standards, LocalDays days) {
        this.client = client;
        this.estate = estate;
        this.standards = standards;
        this.days = days;
    }

    @Transactional(readOnly = true)
    public Day of(String facility, LocalDate date, String pavilion, boolean belowOnly, int page, int size,
                  Official official) {
        estate.requireVisible(facility, official);
        LocalDate day = date == null ? days.today() : date;
        List<Cell> cells = cells(facility, day, pavilion);
        int belowKcal = 0, belowProtein = 0, belowWater = 0, noMeal = 0, noWater = 0, occupied = 0;
        long people = 0;
        for (Cell c : cells) {
            if (c.people() == 0) {
                continue;
            }
            occupied++;
            belowKcal += c.kcalMet() ? 0 : 1;
            belowProtein += c.proteinMet() ? 0 : 1;
            belowWater += c.waterMet() ? 0 : 1;
            noMeal += c.issued().stream().anyMatch(Meal::food) ? 0 : 1;
            noWater += c.issued().contains(Meal.WATER) ? 0 : 1;
            people += c.belowStandard() ? c.people() : 0;
        }
        List<Cell> shown = belowOnly ? cells.stream().filter(Cell::belowStandard).toList() : cells;
        int from = (int) Math.min(Page.offset(page, size), shown.size());
        Summary summary = new Summary(cells.size(), occupied, belowKcal, belowProtein, belowWater, noMeal, noWater,
                people, standards.kcalPerDay(), standards.proteinShare(), standards.waterLitresPerDay());
        return new Day(facility, day, summary, new Page<>(shown.subList(from, Math.min(from + size, shown.size())),
                page, size, shown.size()));
    }

    /** Each served place of the facility (or pavilion) with the day's figures, in the order of their codes. */
    private List<Cell> cells(String facility, LocalDate day, String pavilion) {
        Map<Long, Cell> out = new LinkedHashMap<>();
        client.sql("""
                        select l.id, l.code, l.pavilion_code,
                               (select count(*) from people_in_custody b where b.location_id = l.id),
                               coalesce(array_agg(distinct p.kind) filter (where p.id is not null), '{}'),
                               coalesce(sum(p.kcal / nullif(p.people, 0)) filter (where p.kind <> 'WATER'), 0),
                               coalesce(sum(p.protein_g / nullif(p.people, 0)) filter (where p.kind <> 'WATER'), 0),
                               coalesce(sum(p.litres / nullif(p.people, 0)) filter (where p.kind = 'WATER'), 0),
                               coalesce(array_agg(distinct p.shortfall_reason) filter (where p.shortfall_reason is not null),
                                        '{}')
                          from estate_place l
                          left join provision p on p.location_id = l.id and p.day = ?
                         where l.facility_code = ? and l.kind in ('CELL','PUNISHMENT')
                           and (cast(? as text) is null or l.pavilion_code = ?)
                         group by l.id, l.code, l.pavilion_code
                         order by l.code""")
                .params(Date.valueOf(day), facility, pavilion, pavilion)
                .query((rs, n) -> {
                    Set<Meal> issued = EnumSet.noneOf(Meal.class);
                    for (String k : (String[]) rs.getArray(5).getArray()) {
                        issued.add(Meal.valueOf(k));
                    }
                    double kcal = rs.getDouble(6);
                    double protein = rs.getDouble(7);
                    double litres = rs.getDouble(8);
                    double share = ProvisionStandards.proteinShareOf(kcal, protein);
                    Set<String> reasons = new TreeSet<>(List.of((String[]) rs.getArray(9).getArray()));
                    return out.put(rs.getLong(1), new Cell(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), issued, round(kcal), Math.round(share * 1000) / 1000.0, round(litres),
                            kcal >= standards.kcalPerDay(), share >= standards.proteinShare(),
                            litres >= standards.waterLitresPerDay(), reasons));
                }).list();
        return new ArrayList<>(out.values());
    }

    /** A provision below the minimum, with the reason given for it (MANDELA-43: the inspector's view). */
    public record Shortfall(long provisionId, String facilityCode, String cellCode, LocalDate day, Meal kind,
                            int people, double kcalPerPerson, String reason, String note, String recordedBy) {
    }

    /** Provisions recorded below the minimum in the official's facilities (or one), newest first, a page at a time. */
    @Transactional(readOnly = true)
    public Page<Shortfall> shortfalls(String facility, LocalDate from, LocalDate to, int page, int size,
                                      Official official) {
        if (facility != null && !official.sees(facility)) {
            throw new NotFoundException("No facility " + facility);
        }
        LocalDate end = to == null ? days.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        String where = """
                 from provision p join estate_place l on l.id = p.location_id
                where p.below_minimum and p.day between ? and ?
                  and (? or p.facility_code = any(?)) and (cast(? as text) is null or p.facility_code = ?)""";
        Object[] params = {Date.valueOf(start), Date.valueOf(end), official.national(), official.facilityArray(),
                facility, facility};
        long total = client.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(java.util.Arrays.asList(params));
        paged.add(size);
        paged.add(Page.offset(page, size));
        List<Shortfall> items = client.sql("""
                        select p.id, p.facility_code, l.code, p.day, p.kind, p.people,
                               coalesce(p.kcal / nullif(p.people, 0), 0), p.shortfall_reason, p.shortfall_note,
                               p.recorded_by""" + where + " order by p.day desc, p.id desc limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new Shortfall(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), Meal.valueOf(rs.getString(5)), rs.getInt(6),
                        round(rs.getDouble(7)), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Per facility of the official: occupied cells below the standard today (food or water). */
    @Transactional(readOnly = true)
    public Map<String, Summary> today(Official official, List<String> facilities) {
        Map<String, Summary> out = new LinkedHashMap<>();
        for (String f : facilities) {
            if (official.sees(f)) {
                out.put(f, of(f, null, null, true, 0, 1, official).summary());
            }
        }
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
