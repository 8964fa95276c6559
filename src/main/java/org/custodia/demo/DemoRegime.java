package org.custodia.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.custodia.counts.CountHistory;
import org.custodia.ledger.Actor;
import org.custodia.platform.LocalDays;
import org.custodia.regime.Meal;
import org.custodia.regime.MealRefusals;
import org.custodia.regime.RegimeHistory;
import org.custodia.work.WorkHistory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last 30 days of the regime in every demo facility, taken on as the facilities kept it: four counts a day (a
 * few places recounted), hearings, health visits and exercise in the yards, meals and water per cell — the
 * mega-prison's pavilions 7 and 8 short of beans every third dinner and pavilion 8 short of water — and a work
 * programme whose attendance is far below its allocation (the mega-prison's trusted workshop: 300 allocated, about
 * half come). Today: the counts whose time has passed, the meals already served, and a hunger strike in its fourth day.
 */
final class DemoRegime {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoRegime.class);
    static final List<LocalTime> COUNT_TIMES = List.of(LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(17, 0),
            LocalTime.of(21, 0));

    private final CountHistory counts;
    private final RegimeHistory regime;
    private final WorkHistory work;
    private final MealRefusals refusals;
    private final LocalDays local;
    private final JdbcClient client;
    private final long seed;

    DemoRegime(CountHistory counts, RegimeHistory regime, WorkHistory work, MealRefusals refusals, LocalDays local,
               JdbcClient client, long seed) {
        this.counts = counts;
        this.regime = regime;
        this.work = work;
        this.refusals = refusals;
        this.local = local;
        this.client = client;
        this.seed = seed;
    }

    void load(List<DemoEstate> facilities, Instant now) {
        LocalDate today = local.dayOf(now);
        List<LocalDate> month = WorkHistory.span(today.minusDays(30), today.minusDays(1));
        for (DemoEstate f : facilities) {
            String code = f.facility().code();
            boolean mega = code.equals(DemoEstate.MEGA);
            List<Instant> slots = new ArrayList<>();
            for (LocalDate d : WorkHistory.span(month.getFirst(), today)) {
                for (LocalTime t : COUNT_TIMES) {
                    Instant at = d.atTime(t).atZone(local.zone()).toInstant();
                    if (at.plusSeconds(3600).isBefore(now)) {
                        slots.add(at);
                    }
                }
            }
            long t0 = System.nanoTime();
            counts.takeOn(code, slots, 25, Actor.SYSTEM, now);
            long t1 = System.nanoTime();
            String last = f.pavilions().isEmpty() ? null : f.pavilions().getLast().code();
            RegimeHistory.Pattern pattern = mega
                    ? new RegimeHistory.Pattern(18, 25, 480, List.of("M7", "M8"), 3, 3.2, List.of("M8"), 1.8)
                    : new RegimeHistory.Pattern(3, 5, 120, last == null ? List.of() : List.of(last), 5, 3.0,
                    List.of(), 3.0);
            regime.takeOnMovements(code, month, pattern, seed + code.hashCode(), Actor.SYSTEM, now);
            long t2 = System.nanoTime();
            regime.takeOnProvisions(code, month, List.of(Meal.values()), pattern, Actor.SYSTEM, now);
            long t3 = System.nanoTime();
            List<Meal> served = new ArrayList<>();
            LocalTime time = now.atZone(local.zone()).toLocalTime();
            if (time.isAfter(LocalTime.of(8, 0))) {
                served.add(Meal.BREAKFAST);
                served.add(Meal.WATER);
            }
            if (time.isAfter(LocalTime.of(13, 0))) {
                served.add(Meal.LUNCH);
            }
            if (time.isAfter(LocalTime.of(18, 0))) {
                served.add(Meal.DINNER);
            }
            if (!served.isEmpty()) {
                regime.takeOnProvisions(code, List.of(today), served, pattern, Actor.SYSTEM, now);
            }
            List<Integer> weekdays = List.of(1, 2, 3, 4, 5, 6);
            WorkHistory.Plan plan = mega
                    ? new WorkHistory.Plan("Taller de costura (privados de libertad de confianza)", "M1", 400, 300,
                    LocalTime.of(8, 0), LocalTime.of(12, 0), weekdays, new BigDecimal("0.50"), 0.5)
                    : new WorkHistory.Plan("Taller de panadería", f.pavilions().isEmpty() ? null
                    : f.pavilions().getFirst().code(), 80, 60, LocalTime.of(7, 0), LocalTime.of(11, 0), weekdays,
                    null, 0.6);
            work.takeOn(code, plan, month, seed + 7 * code.hashCode(), Actor.SYSTEM, now);
            if (mega) {
                hungerStrike(code, today, now);
            }
            LOG.debug("{}: counts {} ms, movements {} ms, meals and water {} ms, today and work {} ms", code,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000);
        }
    }

    /** Two people of the mega-prison refusing every meal for three days and today's breakfast: ten in a row. */
    private void hungerStrike(String facility, LocalDate today, Instant now) {
        List<Long> people = client.sql("""
                        select person_id from people_in_custody where facility_code = ? order by md5(person_id::text)
                         limit 2""").param(facility).query(Long.class).list();
        for (long p : people) {
            refusals.takeOn(p, facility, List.of(today.minusDays(3), today.minusDays(2), today.minusDays(1)),
                    List.of(Meal.BREAKFAST, Meal.LUNCH, Meal.DINNER), Actor.SYSTEM, now);
            refusals.takeOn(p, facility, List.of(today), List.of(Meal.BREAKFAST), Actor.SYSTEM, now);
        }
    }
}
