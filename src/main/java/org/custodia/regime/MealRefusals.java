package org.custodia.regime;

import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.Booking;
import org.custodia.people.CustodyMovements;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meals a person refuses, recorded by the officer who saw it. A run of consecutive refused meals as long as the
 * configured one (9: three days) puts the person on the health referral worklist (food refusal, hunger strike):
 * the run is the refusals on consecutive meals (breakfast, lunch, dinner, day after day) ending at the latest one,
 * while that latest one is no older than a day.
 */
@Service
public class MealRefusals {
    public record NewRefusal(@NotNull(groups = Required.class, message = "required") @Day(earliest = "2000-01-01")
                             LocalDate day,
                             @NotNull(groups = Required.class, message = "required") Meal meal,
                             @Text(max = 2000, multiline = true) String note) {
    }

    public record Refusal(long id, long personId, LocalDate day, Meal meal, String note, String recordedBy,
                          Instant recordedAt, int run) {
    }

    /** Someone refusing food for as long as the referral needs: since when, how many meals in a row. */
    public record Referral(long personId, String name, String facilityCode, String cellCode, LocalDate since,
                           Meal sinceMeal, int consecutiveMeals) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final CustodyMovements custody;
    private final ProvisionStandards standards;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    MealRefusals(JdbcClient client, PeopleService people, CustodyMovements custody, ProvisionStandards standards,
                 LedgerService ledger, RecordCheck check, LocalDays days, Clock clock) {
        this.client = client;
        this.people = people;
        this.custody = custody;
        this.standards = standards;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Refusal record(long personId, NewRefusal r, Official official) {
        people.find(personId, official);
        check.require(r, "The refusal was not recorded");
        if (!r.meal().food()) {
            throw new InvalidRequestException("meal", "breakfast, lunch or dinner");
        }
        LocalDate today = days.today();
        if (r.day().isAfter(today) || r.day().isBefore(today.minusDays(1))) {
            throw new InvalidRequestException("day", "today or yesterday");
        }
        Booking b = custody.lockInCustody(List.of(personId)).get(personId);
        if (b == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody");
        }
        Instant now = clock.instant();
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        Long id = client.sql("""
                        insert into meal_refusal (person_id, facility_code, day, meal, note, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
                .params(personId, b.facilityCode(), Date.valueOf(r.day()), r.meal().name(), note, official.username(),
                        Timestamp.from(now))
                .query(Long.class).optional().orElseThrow(() -> new ConflictException(ErrorCode.ALREADY_DONE,
                        "The refusal of " + r.meal() + " on " + r.day() + " is already recorded"));
        int run = run(personId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refusal", id);
        payload.put("day", r.day().toString());
        payload.put("meal", r.meal().name());
        payload.put("consecutiveMeals", run);
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "MEAL_REFUSED", payload, Actor.of(official), now));
        return new Refusal(id, personId, r.day(), r.meal(), note, official.username(), now, run);
    }

    /** Refusals seen before Custodia kept the records (the demo, a migration): each on the ledger as recorded. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void takeOn(long personId, String facility, List<LocalDate> days, List<Meal> meals, Actor actor,
                       Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (LocalDate day : days) {
            for (Meal meal : meals) {
                long id = client.sql("""
                                insert into meal_refusal (person_id, facility_code, day, meal, note, recorded_by,
                                                          recorded_at)
                                values (?, ?, ?, ?, 'Rechaza la bandeja: huelga de hambre declarada', ?, ?)
                                returning id""")
                        .params(personId, facility, Date.valueOf(day), meal.name(), actor.account(),
                                Timestamp.from(now))
                        .query(Long.class).single();
                events.add(new LedgerEvent(facility, personId, "MEAL_REFUSED", Map.of("refusal", id, "day",
                        day.toString(), "meal", meal.name()), actor, now));
            }
        }
        ledger.appendAll(events);
    }

    /** The person's refusals, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public Page<Refusal> of(long personId, int page, int size, Official official) {
        people.find(personId, official);
        long total = client.sql("select count(*) from meal_refusal where person_id = ?").param(personId)
                .query(Long.class).single();
        int run = run(personId);
        List<Refusal> items = client.sql("""
                        select id, day, meal, note, recorded_by, recorded_at from meal_refusal where person_id = ?
                         order by day desc, meal desc limit ? offset ?""")
                .params(personId, size, Page.offset(page, size))
                .query((rs, n) -> new Refusal(rs.getLong(1), personId, rs.getDate(2).toLocalDate(),
                        Meal.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), run))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** The refusals in a row ending at the person's latest one (0 when that is older than a day). */
    int run(long personId) {
        List<long[]> slots = client.sql("""
                        select day, meal from meal_refusal where person_id = ? order by day desc,
                               array_position(array['BREAKFAST','LUNCH','DINNER'], meal) desc limit 400""")
                .param(personId)
                .query((rs, n) -> new long[] {slot(rs.getDate(1).toLocalDate(), Meal.valueOf(rs.getString(2)))})
                .list();
        if (slots.isEmpty() || slots.getFirst()[0] < slot(days.today().minusDays(1), Meal.BREAKFAST)) {
            return 0;
        }
        int run = 1;
        while (run < slots.size() && slots.get(run)[0] == slots.get(run - 1)[0] - 1) {
            run++;
        }
        return run;
    }

    private static long slot(LocalDate day, Meal meal) {
        return day.toEpochDay() * 3 + meal.ordinal();
    }

    /** The health referral worklist: people held whose run of refused meals reaches the configured length. */
    @Transactional(readOnly = true)
    public List<Referral> worklist(Official official, String facility) {
        if (facility != null && !official.sees(facility)) {
            throw new NotFoundException("No facility " + facility);
        }
        List<Long> candidates = client.sql("""
                        select distinct r.person_id from meal_refusal r join people_in_custody b on b.person_id = r.person_id
                         where r.day >= ? and (? or b.facility_code = any(?))
                           and (cast(? as text) is null or b.facility_code = ?)
                         order by r.person_id limit 5000""")
                .params(Date.valueOf(days.today().minusDays(1)), official.national(), official.facilityArray(),
                        facility, facility)
                .query(Long.class).list();
        List<Referral> out = new ArrayList<>();
        for (long person : candidates) {
            int run = run(person);
            if (run >= standards.refusalRun()) {
                out.add(referral(person, run));
            }
        }
        return out;
    }

    private Referral referral(long person, int run) {
        List<Object[]> since = client.sql("""
                        select day, meal from meal_refusal where person_id = ? order by day desc,
                               array_position(array['BREAKFAST','LUNCH','DINNER'], meal) desc offset ? limit 1""")
                .params(person, run - 1)
                .query((rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), Meal.valueOf(rs.getString(2))}).list();
        return client.sql("""
                        select b.given_names, b.first_surname, b.second_surname, b.facility_code, l.code
                          from people_in_custody b join estate_place l on l.id = b.location_id where b.person_id = ?""")
                .param(person)
                .query((rs, n) -> new Referral(person, PeopleService.fullName(rs.getString(1), rs.getString(2),
                        rs.getString(3)), rs.getString(4), rs.getString(5), (LocalDate) since.getFirst()[0],
                        (Meal) since.getFirst()[1], run))
                .single();
    }
}
