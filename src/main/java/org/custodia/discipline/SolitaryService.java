package org.custodia.discipline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.estate.EstateService;
import org.custodia.health.ClinicalRecords;
import org.custodia.health.FitnessService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The solitary confinement register (MANDELA-43..46; solitary is 22 hours or more a day without meaningful human
 * contact). A placement names its basis, authority and place (where the person is held when placed) and its days;
 * day 16 is refused, counting placements that run into each other, and so is a placement or extension of someone
 * health staff found unfit for it. Health staff visit daily (an adverse effect is a finding of unfitness), the
 * person has an hour outdoors, command reviews it; the register shows the day, the alert from day 13 and each day
 * without a health visit or time outdoors.
 */
@Service
public class SolitaryService {
    public enum Basis { DISCIPLINARY, GOOD_ORDER, OWN_PROTECTION }

    public enum Finding { NO_ADVERSE_EFFECT, ADVERSE_EFFECT }

    public enum Decision { CONTINUE, END }

    public record NewPlacement(@NotNull(groups = Required.class, message = "required") Basis basis,
                               @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String authority,
                               @NotBlank(groups = Required.class, message = "required")
                               @Text(max = 2000, multiline = true) String reason,
                               @NotNull(groups = Required.class, message = "required") @Min(1) @Max(366) Integer days) {
    }

    public record Extension(@NotNull(groups = Required.class, message = "required") @Min(1) @Max(366) Integer days,
                            @NotBlank(groups = Required.class, message = "required")
                            @Text(max = 2000, multiline = true) String reason) {
    }

    public record Ending(@NotBlank(groups = Required.class, message = "required")
                        @Text(max = 2000, multiline = true) String reason) {
    }

    public record HealthVisit(@NotNull(groups = Required.class, message = "required") Finding finding,
                              @Text(max = 4000, multiline = true) String note,
                              @Moment(daysBack = 2) Instant at) {
    }

    public record Outdoors(@NotNull(groups = Required.class, message = "required") @Min(1) @Max(600) Integer minutes,
                           @Moment(daysBack = 2) Instant at) {
    }

    public record Review(@NotNull(groups = Required.class, message = "required") Decision decision,
                         @NotBlank(groups = Required.class, message = "required")
                         @Text(max = 2000, multiline = true) String note) {
    }

    /**
     * One placement as the register shows it. {@code day}: the day of consecutive solitary confinement it is on
     * (carried days included); {@code alert} from the alert day; {@code overLimit} past the limit (it must end);
     * missed days count whole local days since it began without a health visit or time outdoors.
     */
    public record Placement(long id, long personId, String name, String facilityCode, String placeCode, Basis basis,
                            Long chargeId, String authority, String reason, Instant startedAt, Instant plannedEnd,
                            int carriedDays, int day, int plannedDays, boolean alert, boolean overLimit,
                            int daysWithoutHealthVisit, int daysWithoutOutdoors, Instant nextReviewDue,
                            boolean reviewOverdue, boolean unfit, Instant endedAt, String endReason) {
    }

    /** A facility's placements open now: how many, how many from the alert day, how many past the limit. */
    public record Summary(String facilityCode, long placements, long alert, long overLimit) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final FitnessService fitness;
    private final ClinicalRecords clinical;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final DisciplineRules rules;
    private final LocalDays days;
    private final Clock clock;

    SolitaryService(JdbcClient client, PeopleService people, EstateService estate, FitnessService fitness,
                    ClinicalRecords clinical, LedgerService ledger, RecordCheck check, DisciplineRules rules,
                    LocalDays days, Clock clock) {
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.fitness = fitness;
        this.clinical = clinical;
        this.ledger = ledger;
        this.check = check;
        this.rules = rules;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Placement place(long personId, NewPlacement p, Official official) {
        check.require(p, "Nobody was placed in solitary confinement");
        return place(personId, p.basis(), null, p.authority(), p.reason(), p.days(), official);
    }

    /** Also the way a proved charge's sanction of solitary confinement enters the register. */
    Placement place(long personId, Basis basis, Long chargeId, String authority, String reason, int planned,
                    Official official) {
        PersonRecord person = people.held(personId, official);
        client.sql("select 1 from pg_advisory_xact_lock(11, ?)").param((int) personId).query(Integer.class).list();
        if (open(personId).isPresent()) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS, "The person is already in solitary confinement");
        }
        unfitRefused(personId);
        Instant now = clock.instant();
        int carried = carried(personId, now);
        limit(carried + planned);
        Instant end = now.plus(Duration.ofDays(planned));
        long id = client.sql("""
                        insert into solitary_placement (person_id, facility_code, location_id, basis, charge_id, authority,
                                                        reason, started_at, planned_end, carried_days, placed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, person.current().facilityCode(), person.current().locationId(), basis.name(), chargeId,
                        authority.strip(), reason.strip(), Timestamp.from(now), Timestamp.from(end), carried,
                        official.username())
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("placement", id);
        payload.put("basis", basis);
        payload.put("charge", chargeId);
        payload.put("authority", authority.strip());
        payload.put("place", person.current().locationCode());
        payload.put("days", planned);
        payload.put("carriedDays", carried);
        payload.put("plannedEnd", end);
        ledger.append(new LedgerEvent(person.current().facilityCode(), personId, "SOLITARY_PLACED", payload,
                Actor.of(official), now));
        return find(id, official);
    }

    @Transactional
    public Placement extend(long id, Extension e, Official official) {
        Placement p = lockOpen(id, official);
        check.require(e, "Nothing was extended");
        unfitRefused(p.personId());
        limit(p.carriedDays() + p.plannedDays() + e.days());
        Instant end = p.plannedEnd().plus(Duration.ofDays(e.days()));
        client.sql("update solitary_placement set planned_end = ? where id = ?").params(Timestamp.from(end), id)
                .update();
        event(p, "SOLITARY_EXTENDED", Map.of("placement", id, "days", e.days(), "plannedEnd", end, "totalDays",
                p.carriedDays() + p.plannedDays() + e.days()), official, clock.instant());
        return find(id, official);
    }

    @Transactional
    public Placement end(long id, Ending e, Official official) {
        Placement p = lockOpen(id, official);
        check.require(e, "Nothing was ended");
        close(p, e.reason(), official);
        return find(id, official);
    }

    @Transactional
    public Placement healthVisit(long id, HealthVisit v, Official official) {
        Placement p = lockOpen(id, official);
        check.require(v, "No visit was recorded");
        Instant at = at(v.at(), p);
        String sha = null;
        if (v.note() != null && !v.note().isBlank()) {
            sha = clinical.add(p.personId(), new ClinicalRecords.NewNote(ClinicalRecords.NoteKind.CONSULTATION,
                    v.note()), official).sha256();
        }
        visit(id, "HEALTH", at, null, v.finding().name(), sha, official);
        event(p, "SOLITARY_HEALTH_VISIT", Ordered.map("placement", id, "finding", v.finding(), "noteSha256", sha), official,
                at);
        if (v.finding() == Finding.ADVERSE_EFFECT) {
            // MANDELA-45/46: an adverse effect is a finding that solitary confinement harms the person
            fitness.decide(p.personId(), new FitnessService.NewDecision(FitnessService.Kind.SOLITARY, false, null),
                    official);
        }
        return find(id, official);
    }

    @Transactional
    public Placement outdoors(long id, Outdoors o, Official official) {
        Placement p = lockOpen(id, official);
        check.require(o, "Nothing was recorded");
        Instant at = at(o.at(), p);
        visit(id, "OUTDOORS", at, o.minutes(), null, null, official);
        event(p, "SOLITARY_OUTDOORS", Map.of("placement", id, "minutes", o.minutes()), official, at);
        return find(id, official);
    }

    @Transactional
    public Placement review(long id, Review r, Official official) {
        Placement p = lockOpen(id, official);
        check.require(r, "No review was recorded");
        Instant now = clock.instant();
        visit(id, "REVIEW", now, null, r.decision().name(), org.custodia.platform.Sha256.hex(r.note().strip()),
                official);
        event(p, "SOLITARY_REVIEWED", Map.of("placement", id, "decision", r.decision(), "day", p.day()), official,
                now);
        if (r.decision() == Decision.END) {
            close(p, r.note(), official);
        }
        return find(id, official);
    }

    @Transactional(readOnly = true)
    public Placement find(long id, Official official) {
        return query("s.id = ?", new Object[] {id}, 1, 0).stream().filter(p -> official.sees(p.facilityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException("No solitary placement " + id));
    }

    /** The register of a facility: placements open now (or every placement with {@code all}), longest first. */
    @Transactional(readOnly = true)
    public Page<Placement> register(String facility, boolean all, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        String where = "s.facility_code = ? and (? or s.ended_at is null)";
        Object[] params = {facility, all};
        long total = client.sql("select count(*) from solitary_placement s where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(query(where + " order by s.ended_at nulls first, s.started_at - s.carried_days * "
                + "interval '1 day', s.id", params, size, Page.offset(page, size)), page, size, total);
    }

    /** Per facility in the official's scope, one aggregate: for the dashboard. */
    @Transactional(readOnly = true)
    public List<Summary> summary(Official official) {
        String zone = days.zone().getId();
        return client.sql("""
                        with open as (
                            select facility_code, carried_days + ((cast(? as timestamptz) at time zone ?)::date
                                   - (started_at at time zone ?)::date) + 1 as day
                              from solitary_placement where ended_at is null and (? or facility_code = any(?))
                        )
                        select facility_code, count(*), count(*) filter (where day >= ?), count(*) filter (where day > ?)
                          from open group by facility_code order by facility_code""")
                .params(Timestamp.from(clock.instant()), zone, zone, official.national(), official.facilityArray(),
                        rules.solitaryAlertDay(), rules.solitaryMaxDays())
                .query((rs, i) -> new Summary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The placements of a person, newest first (a person's record of solitary confinement). */
    @Transactional(readOnly = true)
    public List<Placement> of(long personId, Official official) {
        people.find(personId, official);
        return query("s.person_id = ?", new Object[] {personId}, 100, 0);
    }

    private void unfitRefused(long personId) {
        if (fitness.of(personId).unfitFor(FitnessService.Kind.SOLITARY)) {
            throw new ConflictException(ErrorCode.UNFIT_FOR_SOLITARY, "MANDELA-45: health staff found the person "
                    + "unfit for solitary confinement", Map.of("rule", "MANDELA-45"));
        }
    }

    private void limit(int total) {
        if (total > rules.solitaryMaxDays()) {
            throw new ConflictException(ErrorCode.SOLITARY_LIMIT, "MANDELA-44: at most " + rules.solitaryMaxDays()
                    + " consecutive days of solitary confinement; this would be " + total,
                    Map.of("rule", "MANDELA-44", "days", total, "limit", rules.solitaryMaxDays()));
        }
    }

    /** Days served in placements that ran into a new one starting now (each break shorter than the rules'). */
    private int carried(long personId, Instant now) {
        return client.sql("""
                        select s.carried_days + greatest(1, ceil(extract(epoch from s.ended_at - s.started_at) / 86400))::int
                          from solitary_placement s
                         where s.person_id = ? and s.ended_at is not null and s.ended_at > ?
                         order by s.ended_at desc limit 1""")
                .params(personId, Timestamp.from(now.minus(Duration.ofHours(rules.solitaryBreakHours()))))
                .query(Integer.class).optional().orElse(0);
    }

    private Optional<Long> open(long personId) {
        return client.sql("select id from solitary_placement where person_id = ? and ended_at is null")
                .param(personId).query(Long.class).optional();
    }

    private Placement lockOpen(long id, Official official) {
        client.sql("select id from solitary_placement where id = ? for update").param(id).query(Long.class).optional();
        Placement p = find(id, official);
        if (p.endedAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This placement has ended");
        }
        return p;
    }

    private void close(Placement p, String reason, Official official) {
        Instant now = clock.instant();
        client.sql("update solitary_placement set ended_at = ?, ended_by = ?, end_reason = ? where id = ?")
                .params(Timestamp.from(now), official.username(), reason.strip(), p.id()).update();
        event(p, "SOLITARY_ENDED", Map.of("placement", p.id(), "day", p.day()), official, now);
    }

    private Instant at(Instant given, Placement p) {
        Instant at = given == null ? clock.instant() : given;
        if (at.isBefore(p.startedAt())) {
            throw new InvalidRequestException("at", "during the placement");
        }
        return at;
    }

    private void visit(long id, String kind, Instant at, Integer minutes, String finding, String sha,
                       Official official) {
        client.sql("""
                        insert into solitary_visit (placement_id, kind, at, minutes, finding, note_sha256, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind, Timestamp.from(at), minutes, finding, sha, official.username()).update();
    }

    private void event(Placement p, String type, Map<String, ?> payload, Official official, Instant at) {
        ledger.append(new LedgerEvent(p.facilityCode(), p.personId(), type, payload, Actor.of(official), at));
    }
    private List<Placement> query(String where, Object[] params, int limit, long offset) {
        Instant now = clock.instant();
        String zone = days.zone().getId();
        Object[] head = {zone, Timestamp.from(now), zone, zone, zone};
        Object[] all = new Object[head.length + params.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(params, 0, all, head.length, params.length);
        all[all.length - 2] = limit;
        all[all.length - 1] = offset;
        return client.sql("""
                        with base as (
                            select s.*, (s.started_at at time zone ?)::date as first_day,
                                   (coalesce(s.ended_at, ?) at time zone ?)::date as last_day
                              from solitary_placement s
                        )
                        select s.id, s.person_id, n.given_names, n.first_surname, n.second_surname, s.facility_code,
                               l.code, s.basis, s.charge_id, s.authority, s.reason, s.started_at, s.planned_end,
                               s.carried_days, s.carried_days + (s.last_day - s.first_day) + 1 as day,
                               ceil(extract(epoch from s.planned_end - s.started_at) / 86400)::int as planned_days,
                               (select count(*) from generate_series(s.first_day, s.last_day - 1, interval '1 day') d
                                 where not exists (select 1 from solitary_visit v where v.placement_id = s.id
                                   and v.kind = 'HEALTH' and (v.at at time zone ?)::date = d::date)) as no_health,
                               (select count(*) from generate_series(s.first_day, s.last_day - 1, interval '1 day') d
                                 where not exists (select 1 from solitary_visit v where v.placement_id = s.id
                                   and v.kind = 'OUTDOORS' and (v.at at time zone ?)::date = d::date)) as no_outdoors,
                               (select max(v.at) from solitary_visit v where v.placement_id = s.id
                                   and v.kind = 'REVIEW') as reviewed,
                               s.ended_at, s.end_reason
                          from base s join people_name n on n.person_id = s.person_id
                          left join estate_place l on l.id = s.location_id
                        """ + " where " + where + " limit ? offset ?")
                .params(all)
                .query((rs, i) -> {
                    Instant started = rs.getTimestamp(12).toInstant();
                    Instant reviewed = rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant();
                    Instant due = reviewed == null ? started.plus(Duration.ofHours(rules.firstReviewHours()))
                            : reviewed.plus(Duration.ofDays(rules.reviewDays()));
                    Instant ended = rs.getTimestamp(20) == null ? null : rs.getTimestamp(20).toInstant();
                    int day = rs.getInt(15);
                    long person = rs.getLong(2);
                    return new Placement(rs.getLong(1), person, PeopleService.fullName(rs.getString(3),
                            rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7),
                            Basis.valueOf(rs.getString(8)), (Long) rs.getObject(9), rs.getString(10),
                            rs.getString(11), started, rs.getTimestamp(13).toInstant(), rs.getInt(14), day,
                            rs.getInt(16), ended == null && day >= rules.solitaryAlertDay(),
                            ended == null && day > rules.solitaryMaxDays(), rs.getInt(17), rs.getInt(18),
                            ended == null ? due : null, ended == null && due.isBefore(now),
                            ended == null && fitness.of(person).unfitFor(FitnessService.Kind.SOLITARY), ended,
                            rs.getString(21));
                })
                .list();
    }
}
