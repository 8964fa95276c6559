package org.custodia.work;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.housing.GatheringCheck;
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
import org.custodia.platform.PersonLocator;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocations to a workshop. Everyone asked for is checked together, and all are allocated or none: held in the
 * workshop's facility, not allocated there already, within the hours of MANDELA-102 with all their other work
 * (a day, a week, a rest day), and not with a rival or a non-associated person among those already allocated or
 * asked for ({@link GatheringCheck}). Up to the workshop's capacity they are allocated; the rest wait, in order,
 * and the first who can take a freed place gets it.
 */
@Service
public class AllocationService {
    public enum EndReason { RELEASED, TRANSFERRED, DISMISSED, HEALTH, SECURITY, WITHDRAWN, COMPLETED }

    public record Request(@NotEmpty(groups = Required.class, message = "required") @Size(max = 50_000)
                          List<@NotNull Long> personIds) {
    }

    public record Allocation(long id, long workshopId, long personId, String name, String status, LocalDate since,
                             String requestedBy, Instant requestedAt, String endReason, LocalDate endedOn) {
    }

    public record Outcome(int allocated, int waiting, List<Long> waitingPersonIds) {
    }

    /** A person's weekly pattern of work: weekdays and hours a session. */
    private record Pattern(Set<Integer> weekdays, double hours) {
    }

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final WorkshopService workshops;
    private final CustodyMovements custody;
    private final PersonLocator locator;
    private final GatheringCheck gathering;
    private final WorkRules rules;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    AllocationService(JdbcClient client, JdbcTemplate jdbc, WorkshopService workshops, CustodyMovements custody, PersonLocator locator,
                      GatheringCheck gathering, WorkRules rules, LedgerService ledger, RecordCheck check,
                      LocalDays days, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.workshops = workshops;
        this.custody = custody;
        this.locator = locator;
        this.gathering = gathering;
        this.rules = rules;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Outcome allocate(long workshopId, Request r, Official official) {
        Workshop w = workshops.find(workshopId, official);
        check.require(r, "Nobody was allocated");
        client.sql("select id from workshop where id = ? for update").param(workshopId).query(Long.class).single();
        List<Long> ids = r.personIds().stream().distinct().toList();
        Map<Long, String> known = locator.facilitiesOf(ids);
        for (long id : ids) {
            if (known.get(id) == null || !official.sees(known.get(id))) {
                throw new NotFoundException("No person " + id);
            }
        }
        Map<Long, Booking> held = custody.lockInCustody(ids);
        List<Long> elsewhere = ids.stream().filter(id -> held.get(id) == null
                || !held.get(id).facilityCode().equals(w.facilityCode())).toList();
        if (!elsewhere.isEmpty()) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Not held at " + w.facilityCode() + ": "
                    + first(elsewhere), Map.of("personIds", first(elsewhere)));
        }
        List<Long> already = client.sql("select person_id from work_allocation where workshop_id = ? "
                        + "and status <> 'ENDED' and person_id = any(?) order by person_id")
                .params(workshopId, ids.toArray(Long[]::new)).query(Long.class).list();
        if (!already.isEmpty()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Already allocated or waiting: " + first(already),
                    Map.of("personIds", first(already)));
        }
        Map<Long, String> overWorked = hours(ids, w);
        if (!overWorked.isEmpty()) {
            throw new ConflictException(ErrorCode.WORK_HOURS, "Beyond the hours of work (MANDELA-102) for "
                    + overWorked.size() + " people; nobody was allocated", Map.of("people", first(overWorked)));
        }
        List<Long> present = active(workshopId);
        List<GatheringCheck.Clash> clashes = gathering.newClashes(present, ids);
        if (!clashes.isEmpty()) {
            throw new ConflictException(ErrorCode.HOUSING_RULE, "Rivals or non-associated people would work "
                    + "together in " + w.name() + "; nobody was allocated", Map.of("clashes",
                    clashes.subList(0, Math.min(100, clashes.size()))));
        }
        int room = Math.max(w.capacity() - present.size(), 0);
        Instant now = clock.instant();
        LocalDate today = days.today();
        List<LedgerEvent> events = new ArrayList<>(ids.size());
        List<Long> waiting = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            boolean in = i < room;
            long person = ids.get(i);
            rows.add(new Object[] {workshopId, person, in ? "ACTIVE" : "WAITING", in ? Date.valueOf(today) : null,
                    official.username(), Timestamp.from(now)});
            if (!in) {
                waiting.add(person);
            }
            events.add(new LedgerEvent(w.facilityCode(), person, in ? "WORK_ALLOCATED" : "WORK_WAITING_LIST",
                    Map.of("workshop", workshopId), Actor.of(official), now));
        }
        jdbc.batchUpdate("""
                insert into work_allocation (workshop_id, person_id, status, since, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?)""", rows);
        ledger.appendAll(events);
        return new Outcome(ids.size() - waiting.size(), waiting.size(), first(waiting));
    }

    @Transactional
    public Allocation end(long allocationId, EndReason reason, Official official) {
        Allocation a = find(allocationId, official);
        if (reason == null) {
            throw new InvalidRequestException("reason", "required: " + Arrays.toString(EndReason.values()));
        }
        Workshop w = workshops.find(a.workshopId(), official);
        client.sql("select id from workshop where id = ? for update").param(w.id()).query(Long.class).single();
        Instant now = clock.instant();
        int ended = client.sql("update work_allocation set status = 'ENDED', end_reason = ?, ended_by = ?, "
                        + "ended_on = ? where id = ? and status <> 'ENDED'")
                .params(reason.name(), official.username(), Date.valueOf(days.today()), allocationId).update();
        if (ended == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Allocation " + allocationId + " has already ended");
        }
        ledger.append(new LedgerEvent(w.facilityCode(), a.personId(), "WORK_ALLOCATION_ENDED",
                Map.of("workshop", w.id(), "reason", reason.name()), Actor.of(official), now));
        if (a.status().equals("ACTIVE")) {
            promote(w, official, now);
        }
        return find(allocationId, official);
    }

    /** The first on the waiting list who is within the hours and clashes with nobody takes the freed place. */
    private void promote(Workshop w, Official official, Instant now) {
        List<Long> present = active(w.id());
        if (present.size() >= w.capacity()) {
            return;
        }
        List<Long> waiting = client.sql("""
                        select a.person_id from work_allocation a join people_in_custody b on b.person_id = a.person_id
                         where a.workshop_id = ? and a.status = 'WAITING' and b.facility_code = ?
                         order by a.requested_at, a.id limit 50""")
                .params(w.id(), w.facilityCode()).query(Long.class).list();
        for (long person : waiting) {
            if (hours(List.of(person), w).isEmpty() && gathering.newClashes(present, List.of(person)).isEmpty()) {
                client.sql("update work_allocation set status = 'ACTIVE', since = ? where workshop_id = ? "
                                + "and person_id = ? and status = 'WAITING'")
                        .params(Date.valueOf(days.today()), w.id(), person).update();
                ledger.append(new LedgerEvent(w.facilityCode(), person, "WORK_ALLOCATED",
                        Map.of("workshop", w.id(), "fromWaitingList", true), Actor.of(official), now));
                return;
            }
        }
    }

    /** The people who would work beyond the hours of a day or a week, or without a rest day, with this workshop. */
    private Map<Long, String> hours(List<Long> people, Workshop w) {
        Map<Long, List<Pattern>> patterns = new HashMap<>();
        client.sql("""
                        select a.person_id, s.weekdays, s.starts, s.ends from work_allocation a
                          join workshop s on s.id = a.workshop_id
                         where a.status = 'ACTIVE' and a.person_id = any(?)""")
                .param(people.toArray(Long[]::new))
                .query((rs, n) -> patterns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Pattern(
                        new HashSet<>(Arrays.asList((Integer[]) rs.getArray(2).getArray())),
                        hours(rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime())))).list();
        Pattern mine = new Pattern(new HashSet<>(w.weekdays()), w.hoursPerSession());
        Map<Long, String> out = new LinkedHashMap<>();
        for (long person : people) {
            List<Pattern> all = new ArrayList<>(patterns.getOrDefault(person, List.of()));
            all.add(mine);
            double week = 0;
            Set<Integer> workdays = new HashSet<>();
            for (int day = 1; day <= 7; day++) {
                double h = 0;
                for (Pattern p : all) {
                    if (p.weekdays().contains(day)) {
                        h += p.hours();
                        workdays.add(day);
                    }
                }
                if (h > rules.hoursPerDay()) {
                    out.put(person, "more than " + rules.hoursPerDay() + " hours on weekday " + day);
                }
                week += h;
            }
            if (week > rules.hoursPerWeek()) {
                out.put(person, "more than " + rules.hoursPerWeek() + " hours a week");
            }
            if (workdays.size() == 7) {
                out.put(person, "no weekly rest day");
            }
        }
        return out;
    }

    private static double hours(LocalTime starts, LocalTime ends) {
        return java.time.Duration.between(starts, ends).toMinutes() / 60.0;
    }

    /** Who holds a place: allocated and still held at the workshop's facility (a release frees the place). */
    private List<Long> active(long workshopId) {
        return client.sql("""
                        select a.person_id from work_allocation a join workshop w on w.id = a.workshop_id
                          join people_in_custody b on b.person_id = a.person_id and b.facility_code = w.facility_code
                         where a.workshop_id = ? and a.status = 'ACTIVE'""")
                .param(workshopId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public Allocation find(long id, Official official) {
        Allocation a = client.sql(SELECT + " where a.id = ?").param(id).query(AllocationService::row).optional()
                .orElseThrow(() -> new NotFoundException("No allocation " + id));
        workshops.find(a.workshopId(), official);
        return a;
    }

    /** A workshop's allocations (ACTIVE, WAITING or ENDED; all when null), a page at a time. */
    @Transactional(readOnly = true)
    public Page<Allocation> of(long workshopId, String status, int page, int size, Official official) {
        workshops.find(workshopId, official);
        long total = client.sql("select count(*) from work_allocation a where a.workshop_id = ? "
                        + "and (cast(? as text) is null or a.status = ?)")
                .params(workshopId, status, status).query(Long.class).single();
        List<Allocation> items = client.sql(SELECT + " where a.workshop_id = ? and (cast(? as text) is null "
                        + "or a.status = ?) order by a.requested_at, a.id limit ? offset ?")
                .params(workshopId, status, status, size, Page.offset(page, size)).query(AllocationService::row)
                .list();
        return new Page<>(items, page, size, total);
    }

    private static final String SELECT = """
            select a.id, a.workshop_id, a.person_id, n.given_names, n.first_surname, n.second_surname, a.status,
                   a.since, a.requested_by, a.requested_at, a.end_reason, a.ended_on
              from work_allocation a join people_name n on n.person_id = a.person_id""";

    private static Allocation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date since = rs.getDate(8);
        Date ended = rs.getDate(12);
        return new Allocation(rs.getLong(1), rs.getLong(2), rs.getLong(3), PeopleService.fullName(rs.getString(4),
                rs.getString(5), rs.getString(6)), rs.getString(7), since == null ? null : since.toLocalDate(),
                rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
                ended == null ? null : ended.toLocalDate());
    }

    private static <T> List<T> first(List<T> l) {
        return l.subList(0, Math.min(100, l.size()));
    }

    private static Map<Long, String> first(Map<Long, String> m) {
        Map<Long, String> out = new LinkedHashMap<>();
        m.entrySet().stream().limit(100).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
