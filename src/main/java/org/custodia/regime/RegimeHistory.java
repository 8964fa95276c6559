package org.custodia.regime;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.BulkCopy;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regime of days before Custodia kept a facility's records (the demo, or a migration), taken on as it was:
 * movements out of cell (hearings, health care, exercise in a yard) and meals and water per cell. Written set-wise
 * (COPY, or one statement for a facility's meals); one ledger entry per facility, day and kind carries the figures
 * and the SHA-256 of its rows, as the ledger of a take-on does.
 */
@Service
public class RegimeHistory {
    /** How a facility's days went: per day how many hearings, health visits and people in the yard. */
    public record Pattern(int hearings, int health, int exercise, List<String> shortPavilions, int shortEvery,
                          double waterLitres, List<String> lowWaterPavilions, double lowWaterLitres) {
    }

    private record Person(long id, long locationId, String pavilion) {
    }

    private final JdbcClient client;
    private final BulkCopy bulk;
    private final LedgerService ledger;
    private final LocalDays local;

    RegimeHistory(JdbcClient client, BulkCopy bulk, LedgerService ledger, LocalDays local) {
        this.client = client;
        this.bulk = bulk;
        this.ledger = ledger;
        this.local = local;
    }

    /** Movements of the given days: hearings, health visits and exercise in groups of one pavilion, all back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int takeOnMovements(String facility, List<LocalDate> days, Pattern p, long seed, Actor actor, Instant now) {
        List<Person> people = client.sql("""
                        select b.person_id, b.location_id, l.pavilion_code from people_in_custody b
                          join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind in ('CELL','PUNISHMENT') order by b.person_id""")
                .param(facility)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        Map<String, List<Long>> places = new LinkedHashMap<>();
        client.sql("select kind, id from estate_place where facility_code = ? and kind in "
                        + "('HEARING_ROOM','MEDICAL','EXERCISE_YARD') order by id")
                .param(facility)
                .query((rs, n) -> places.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        if (people.isEmpty() || !places.containsKey("EXERCISE_YARD") || !places.containsKey("HEARING_ROOM")
                || !places.containsKey("MEDICAL")) {
            return 0;
        }
        Map<String, List<Person>> byPavilion = new LinkedHashMap<>();
        people.stream().filter(x -> x.pavilion() != null)
                .forEach(x -> byPavilion.computeIfAbsent(x.pavilion(), k -> new ArrayList<>()).add(x));
        List<String> pavilions = new ArrayList<>(byPavilion.keySet());
        Random random = new Random(seed);
        // movement: id, destination, purpose, left, due, returned; each with its people
        record Out(long id, long destination, Purpose purpose, Instant left, Instant due, Instant back,
                   List<Person> who) {
        }
        List<Out> outs = new ArrayList<>();
        long[] ids = bulk.nextIds("movement", days.size() * (p.hearings() + p.health() + 8));
        int next = 0;
        for (LocalDate day : days) {
            for (int i = 0; i < p.hearings(); i++) {
                Instant at = local.startOf(day).plusSeconds((8 * 3600) + random.nextInt(8 * 3600));
                List<Long> rooms = places.get("HEARING_ROOM");
                outs.add(new Out(ids[next++], rooms.get(random.nextInt(rooms.size())), Purpose.HEARING, at,
                        at.plusSeconds(7200), at.plusSeconds(3600 + random.nextInt(3600)),
                        List.of(people.get(random.nextInt(people.size())))));
            }
            for (int i = 0; i < p.health(); i++) {
                Instant at = local.startOf(day).plusSeconds((7 * 3600) + random.nextInt(10 * 3600));
                outs.add(new Out(ids[next++], places.get("MEDICAL").getFirst(), Purpose.MEDICAL, at,
                        at.plusSeconds(5400), at.plusSeconds(1800 + random.nextInt(3600)),
                        List.of(people.get(random.nextInt(people.size())))));
            }
            // exercise: groups of one pavilion in turn, an hour each, up to the day's number of people
            int left = p.exercise();
            int slot = 0;
            while (left > 0 && !pavilions.isEmpty() && slot < 8) {
                List<Person> pav = byPavilion.get(pavilions.get((int) ((day.toEpochDay() + slot) % pavilions.size())));
                int n = Math.min(Math.min(left, 60), pav.size());
                int from = random.nextInt(Math.max(pav.size() - n, 1));
                Instant at = day.atTime(LocalTime.of(8 + slot, 0)).atZone(local.zone()).toInstant();
                List<Long> yards = places.get("EXERCISE_YARD");
                outs.add(new Out(ids[next++], yards.get(slot % yards.size()), Purpose.EXERCISE, at,
                        at.plusSeconds(3600), at.plusSeconds(3600 + random.nextInt(300)),
                        List.copyOf(pav.subList(from, from + n))));
                left -= n;
                slot++;
            }
        }
        // nobody is out twice at once: a person picked twice in a day keeps the first movement only
        Map<Long, List<Out>> perPerson = new LinkedHashMap<>();
        List<Object[]> movers = new ArrayList<>();
        for (Out o : outs) {
            for (Person x : o.who()) {
                boolean overlaps = perPerson.getOrDefault(x.id(), List.of()).stream()
                        .anyMatch(e -> e.left().isBefore(o.back()) && o.left().isBefore(e.back()));
                if (!overlaps) {
                    perPerson.computeIfAbsent(x.id(), k -> new ArrayList<>()).add(o);
                    movers.add(new Object[] {o.id(), x.id(), x.locationId(), o.back(), actor.account()});
                }
            }
        }
        bulk.copy("copy movement (id, facility_code, destination_id, purpose, escort, emergency, reason, left_at, "
                + "due_back_at, recorded_by) from stdin", sink -> outs.forEach(o ->
                sink.row(o.id(), facility, o.destination(), o.purpose(), "Custodia y escolta", false, null, o.left(),
                        o.due(), actor.account())));
        bulk.copy("copy movement_person (movement_id, person_id, from_location_id, returned_at, returned_by) "
                + "from stdin", sink -> movers.forEach(sink::row));
        // one entry a day: its movements and who went, hashed
        Map<LocalDate, StringBuilder> rows = new LinkedHashMap<>();
        Map<LocalDate, int[]> n = new LinkedHashMap<>();
        Map<Long, LocalDate> dayOf = new java.util.HashMap<>();
        days.forEach(d -> {
            rows.put(d, new StringBuilder());
            n.put(d, new int[2]);
        });
        for (Out o : outs) {
            LocalDate d = local.dayOf(o.left());
            dayOf.put(o.id(), d);
            n.get(d)[0]++;
            rows.get(d).append(o.id()).append(':').append(o.purpose()).append(':').append(o.destination()).append('\n');
        }
        for (Object[] m : movers) {
            LocalDate d = dayOf.get((Long) m[0]);
            n.get(d)[1]++;
            rows.get(d).append(m[0]).append('>').append(m[1]).append('\n');
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (LocalDate day : days) {
            events.add(new LedgerEvent(facility, null, "MOVEMENTS_TAKEN_ON", Map.of("day", day.toString(),
                    "movements", n.get(day)[0], "people", n.get(day)[1], "rowsSha256",
                    Sha256.hex(rows.get(day).toString())), actor, now));
        }
        ledger.appendAll(events);
        return movers.size();
    }

    /**
     * Meals and water of the given days for every occupied cell, as the menu gives them for the people held there
     * now; in the short pavilions every {@code shortEvery}-th day's dinner was rice and tortillas only (a supply
     * shortage, recorded as such) and in the low-water pavilions the water was less than in the rest. Taken on are each
 * provision's totals (energy, protein, litres, the people then), not its items: the records kept before did not
 * say more, and the figures per person need no more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int takeOnProvisions(String facility, List<LocalDate> days, List<Meal> kinds, Pattern p, Actor actor,
                                Instant now) {
        Date[] dates = days.stream().map(Date::valueOf).toArray(Date[]::new);
        String[] shortPavilions = p.shortPavilions().toArray(String[]::new);
        String[] lowWater = p.lowWaterPavilions().toArray(String[]::new);
        // a meal's energy and protein a person, as the menu gives it (or its short form), times the people
        int meals = client.sql("""
                        with per as (select k.kind, s.short, sum(m.per_person * m.kcal) as kcal,
                                            sum(m.per_person * m.protein_g) as protein
                                       from unnest(?::text[]) k(kind) cross join (values (false), (true)) s(short)
                                       join menu_item m on m.active and k.kind = any(m.meals)
                                        and (not s.short or m.code in ('ARROZ','TORTILLA'))
                                      group by k.kind, s.short)
                        insert into provision (facility_code, location_id, day, kind, people, kcal, protein_g, litres,
                                               below_minimum, shortfall_reason, shortfall_note, recorded_by, recorded_at)
                        select c.facility_code, c.id, d.day, per.kind, c.population, per.kcal * c.population,
                               per.protein * c.population, 0, per.short,
                               case when per.short then 'SUPPLY_SHORTAGE' end,
                               case when per.short then 'No llegaron los frijoles del proveedor' end, ?, ?
                          from estate_place c cross join unnest(?::date[]) d(day)
                          join per on per.short = (per.kind = 'DINNER' and c.pavilion_code = any(?)
                                                   and (d.day - date '2000-01-01') % ? = 0)
                         where c.facility_code = ? and c.kind in ('CELL','PUNISHMENT') and c.population > 0""")
                .params(kinds.stream().filter(Meal::food).map(Enum::name).toArray(String[]::new), actor.account(),
                        Timestamp.from(now), dates, shortPavilions, Math.max(p.shortEvery(), 1), facility)
                .update();
        if (kinds.contains(Meal.WATER)) {
            client.sql("""
                        insert into provision (facility_code, location_id, day, kind, people, kcal, protein_g, litres,
                                               below_minimum, shortfall_reason, recorded_by, recorded_at)
                        select l.facility_code, l.id, d.day, 'WATER', l.population, 0, 0,
                               round((l.population * case when l.pavilion_code = any(?) then ? else ? end)::numeric, 1), false,
                               case when l.pavilion_code = any(?) then 'WATER_SUPPLY_INTERRUPTED' end, ?, ?
                          from estate_place l cross join unnest(?::date[]) d(day)
                         where l.facility_code = ? and l.kind in ('CELL','PUNISHMENT') and l.population > 0""")
                .params(lowWater, p.lowWaterLitres(), p.waterLitres(), lowWater, actor.account(), Timestamp.from(now),
                        dates, facility)
                .update();
        }
        List<LedgerEvent> events = new ArrayList<>();
        client.sql("""
                        select day, kind, count(*), sum(people), sum(kcal), sum(litres), count(*) filter (where below_minimum),
                               string_agg(location_id || ':' || people || ':' || kcal || ':' || litres, ',' order by location_id)
                          from provision where facility_code = ? and day = any(?) and recorded_by = ? and kind = any(?)
                         group by day, kind order by day, kind""")
                .params(facility, dates, actor.account(), kinds.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("day", rs.getDate(1).toLocalDate().toString());
                    payload.put("kind", rs.getString(2));
                    payload.put("cells", rs.getLong(3));
                    payload.put("people", rs.getLong(4));
                    payload.put("kcal", rs.getBigDecimal(5).toPlainString());
                    payload.put("litres", rs.getBigDecimal(6).toPlainString());
                    payload.put("belowMinimum", rs.getLong(7));
                    payload.put("rowsSha256", Sha256.hex(rs.getString(8)));
                    return events.add(new LedgerEvent(facility, null, "PROVISIONS_TAKEN_ON", payload, actor, now));
                }).list();
        ledger.appendAll(events);
        return meals;
    }
}
