package org.custodia.regime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meals issued to cells and drinking water delivered, recorded by the officer who issued them, for today or
 * yesterday only (no back-filling). Each cell's provision keeps the people in the cell when it was issued, so the
 * energy, protein and water per person are computed from the records. A meal below the least a meal gives, or a
 * dinner that leaves the day below FOOD-KCAL, needs a reason that is not discipline (MANDELA-43): there is none to
 * choose.
 */
@Service
public class ProvisionService {
    public record Portion(@NotBlank(groups = Required.class, message = "required") @Text(max = 30) String item,
                          @NotNull(groups = Required.class, message = "required") @DecimalMin("0")
                          @DecimalMax("100000") BigDecimal portions) {
    }

    public record CellProvision(@NotNull(groups = Required.class, message = "required") Long locationId,
                                @Size(max = 50) @Valid List<@NotNull Portion> items,
                                @DecimalMin("0") @DecimalMax("100000") BigDecimal litres) {
    }

    public record NewProvision(
            @NotBlank(groups = Required.class, message = "required") @Text(max = 20) String facilityCode,
            @NotNull(groups = Required.class, message = "required") @Day(earliest = "2000-01-01") LocalDate day,
            @NotNull(groups = Required.class, message = "required") Meal kind,
            @NotEmpty(groups = Required.class, message = "required: the cells") @Size(max = 1000)
            @Valid List<@NotNull CellProvision> cells,
            ShortfallReason shortfallReason,
            @Text(max = 2000, multiline = true) String shortfallNote) {
    }

    /** What was recorded for one cell: the people then, and the figures per person. */
    public record Issued(long id, long locationId, String cellCode, Meal kind, int people, double kcalPerPerson,
                         double proteinGPerPerson, double litresPerPerson, boolean belowMinimum) {
    }

    public record Recorded(String facilityCode, LocalDate day, Meal kind, List<Issued> cells) {
    }

    private static final Set<LocationKind> SERVED = Set.of(LocationKind.CELL, LocationKind.PUNISHMENT,
            LocationKind.RECEPTION, LocationKind.MEDICAL);

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final EstateService estate;
    private final MenuService menu;
    private final ProvisionStandards standards;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    ProvisionService(JdbcClient client, JdbcTemplate jdbc, EstateService estate, MenuService menu,
                     ProvisionStandards standards, LedgerService ledger, RecordCheck check, LocalDays days,
                     Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.estate = estate;
        this.menu = menu;
        this.standards = standards;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(NewProvision n, Official official) {
        check.require(n, "Nothing was recorded");
        String facility = n.facilityCode();
        estate.requireVisible(facility, official);
        LocalDate today = days.today();
        if (n.day().isAfter(today) || n.day().isBefore(today.minusDays(1))) {
            throw new InvalidRequestException("day", "today or yesterday: what was issued is recorded when it is");
        }
        Map<String, MenuService.Item> items = menu.active();
        Map<Long, Location> places = estate.locations(n.cells().stream().map(CellProvision::locationId).toList());
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n.cells().size(); i++) {
            CellProvision c = n.cells().get(i);
            Location l = places.get(c.locationId());
            if (l == null || !l.facilityCode().equals(facility) || !SERVED.contains(l.kind())) {
                errors.put("cells[" + i + "].locationId", "a cell of " + facility);
            } else if (!seen.add(l.id())) {
                errors.put("cells[" + i + "].locationId", "once in a provision");
            }
            List<Portion> portions = c.items() == null ? List.of() : c.items();
            if (n.kind().food()) {
                if (portions.isEmpty()) {
                    errors.put("cells[" + i + "].items", "required: what was served");
                }
                if (portions.stream().anyMatch(p -> !items.containsKey(p.item()))) {
                    errors.put("cells[" + i + "].items", "an item of the menu: " + items.keySet());
                }
                if (c.litres() != null && c.litres().signum() != 0) {
                    errors.put("cells[" + i + "].litres", "water is recorded as a delivery of its own");
                }
            } else if (!portions.isEmpty() || c.litres() == null || c.litres().signum() <= 0) {
                errors.put("cells[" + i + "].litres", "required: the litres delivered (and no food items)");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Nothing was recorded", errors);
        }
        Map<Long, Integer> people = peopleIn(places.keySet());
        if (n.kind().food()) {
            List<Long> done = client.sql("select location_id from provision where location_id = any(?) and day = ? "
                            + "and kind = ? order by location_id")
                    .params(places.keySet().toArray(Long[]::new), Date.valueOf(n.day()), n.kind().name())
                    .query(Long.class).list();
            if (!done.isEmpty()) {
                throw new ConflictException(ErrorCode.ALREADY_DONE, n.kind() + " of " + n.day()
                        + " is already recorded for " + done.size() + " of these cells", Map.of("locationIds", done));
            }
        }
        // the day's energy per person so far: the last meal of the day completes it
        Map<Long, Double> earlier = n.kind() == Meal.DINNER ? earlierToday(places.keySet(), n.day()) : Map.of();
        Instant now = clock.instant();
        List<Issued> issued = new ArrayList<>();
        List<Long> below = new ArrayList<>();
        for (CellProvision c : n.cells()) {
            int inCell = people.getOrDefault(c.locationId(), 0);
            double kcal = 0;
            double protein = 0;
            for (Portion p : c.items() == null ? List.<Portion>of() : c.items()) {
                MenuService.Item item = items.get(p.item());
                kcal += p.portions().doubleValue() * item.kcal().doubleValue();
                protein += p.portions().doubleValue() * item.proteinG().doubleValue();
            }
            double litres = c.litres() == null ? 0 : c.litres().doubleValue();
            boolean short_ = n.kind().food() && inCell > 0 && (kcal / inCell < standards.leastKcalPerMeal()
                    || n.kind() == Meal.DINNER
                    && earlier.getOrDefault(c.locationId(), 0.0) + kcal / inCell < standards.kcalPerDay());
            if (short_) {
                below.add(c.locationId());
            }
            issued.add(new Issued(0, c.locationId(), places.get(c.locationId()).code(), n.kind(), inCell,
                    per(kcal, inCell), per(protein, inCell), per(litres, inCell), short_));
        }
        if (!below.isEmpty() && n.shortfallReason() == null) {
            throw new InvalidRequestException("Nothing was recorded: in " + below.size() + " cells this meal gives "
                    + "less than " + Math.round(standards.leastKcalPerMeal()) + " kcal a person, or leaves the day below "
                    + Math.round(standards.kcalPerDay()) + " kcal a person (FOOD-KCAL); say why",
                    Map.of("shortfallReason", "required: " + java.util.Arrays.toString(ShortfallReason.values())));
        }
        List<Issued> saved = new ArrayList<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        String note = n.shortfallNote() == null || n.shortfallNote().isBlank() ? null : n.shortfallNote().strip();
        for (int i = 0; i < issued.size(); i++) {
            Issued x = issued.get(i);
            CellProvision c = n.cells().get(i);
            long id = client.sql("""
                            insert into provision (facility_code, location_id, day, kind, people, kcal, protein_g, litres,
                                                   below_minimum, shortfall_reason, shortfall_note, recorded_by,
                                                   recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(facility, x.locationId(), Date.valueOf(n.day()), n.kind().name(), x.people(),
                            total(c, items, true), total(c, items, false),
                            c.litres() == null ? BigDecimal.ZERO : c.litres(), x.belowMinimum(),
                            x.belowMinimum() || (!n.kind().food() && n.shortfallReason() != null)
                                    ? n.shortfallReason().name() : null,
                            x.belowMinimum() ? note : null, official.username(), Timestamp.from(now))
                    .query(Long.class).single();
            if (c.items() != null && !c.items().isEmpty()) {
                jdbc.batchUpdate("insert into provision_item (provision_id, item_code, portions) values (?, ?, ?)",
                        c.items().stream().map(p -> new Object[] {id, p.item(), p.portions()}).toList());
            }
            saved.add(new Issued(id, x.locationId(), x.cellCode(), x.kind(), x.people(), x.kcalPerPerson(),
                    x.proteinGPerPerson(), x.litresPerPerson(), x.belowMinimum()));
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("provision", id);
            cell.put("cell", x.cellCode());
            cell.put("people", x.people());
            if (n.kind().food()) {
                cell.put("kcal", total(c, items, true).toPlainString());
                cell.put("items", c.items().stream().map(p -> p.item() + "x" + p.portions().toPlainString()).toList());
            } else {
                cell.put("litres", c.litres().toPlainString());
            }
            if (x.belowMinimum()) {
                cell.put("belowMinimum", true);
            }
            entries.add(cell);
        }
        // one entry for what one official issued at once (a pavilion's meal), every cell's figures in it
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("day", n.day().toString());
        payload.put("kind", n.kind().name());
        payload.put("cells", entries);
        if (!below.isEmpty()) {
            payload.put("reason", n.shortfallReason().name());
        }
        ledger.append(new LedgerEvent(facility, null, n.kind().food() ? "MEAL_ISSUED" : "WATER_DELIVERED", payload,
                Actor.of(official), now));
        return new Recorded(facility, n.day(), n.kind(), saved);
    }

    private Map<Long, Double> earlierToday(Set<Long> places, LocalDate day) {
        Map<Long, Double> out = new HashMap<>();
        client.sql("""
                        select location_id, sum(kcal / nullif(people, 0)) from provision
                         where location_id = any(?) and day = ? and kind <> 'WATER' group by location_id""")
                .params(places.toArray(Long[]::new), Date.valueOf(day))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getDouble(2))).list();
        return out;
    }

    /** The people booked in each place now, whether in their cell or out of it for a while. */
    Map<Long, Integer> peopleIn(Set<Long> places) {
        Map<Long, Integer> out = new HashMap<>();
        client.sql("select location_id, count(*) from people_in_custody where location_id = any(?) group by 1")
                .param(places.toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        return out;
    }

    private static BigDecimal total(CellProvision c, Map<String, MenuService.Item> items, boolean energy) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Portion p : c.items() == null ? List.<Portion>of() : c.items()) {
            MenuService.Item item = items.get(p.item());
            sum = sum.add(p.portions().multiply(energy ? item.kcal() : item.proteinG()));
        }
        return sum;
    }

    private static double per(double amount, int people) {
        return people == 0 ? 0 : Math.round(amount / people * 10) / 10.0;
    }
}
