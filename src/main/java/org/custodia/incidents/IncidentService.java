package org.custodia.incidents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodia.accounts.AccountService;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.housing.GatheringCheck;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.Sha256;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: reported (a draft, or straight for review), added to, reviewed by command (closed, or sent back for
 * updating), reopened; every change of status is kept. Staff named in an incident do not review it. A fight or an
 * assault among people of rival groups carries the clash found by the housing rules and the pavilion it happened in.
 */
@Service
public class IncidentService {
    public enum Type {
        FIGHT, ASSAULT_ON_PERSON, ASSAULT_ON_STAFF, SELF_HARM, DEATH, DISTURBANCE, FOOD_REFUSAL, WATER_REFUSAL,
        LOSS_OF_WATER_SUPPLY, ESCAPE_ATTEMPT, CONTRABAND, USE_OF_FORCE, DAMAGE, FIRE, OTHER
    }

    public enum Status { DRAFT, AWAITING_REVIEW, NEEDS_UPDATING, CLOSED }

    public enum PersonRole { VICTIM, PERPETRATOR, WITNESS, INVOLVED }

    public enum Decision { CLOSE, NEEDS_UPDATING }

    static final Set<Type> VIOLENCE = EnumSet.of(Type.FIGHT, Type.ASSAULT_ON_PERSON, Type.DISTURBANCE);

    public record Involved(@NotNull(groups = Required.class, message = "required") Long personId,
                           @NotNull(groups = Required.class, message = "required") PersonRole role) {
    }

    public record NewIncident(@NotBlank(groups = Required.class, message = "required") @Size(max = 20)
                              String facilityCode,
                              @NotNull(groups = Required.class, message = "required") Type type,
                              @NotNull(groups = Required.class, message = "required") @Moment(daysBack = 30)
                              Instant occurredAt,
                              Long locationId,
                              @NotBlank(groups = Required.class, message = "required")
                              @Text(max = 8000, multiline = true) String description,
                              @Size(max = 200) @Valid List<@NotNull Involved> people,
                              @Size(max = 50) List<@NotBlank @Text(max = 100) String> staff,
                              Boolean submit) {
    }

    public record Addition(@NotBlank(groups = Required.class, message = "required")
                           @Text(max = 8000, multiline = true) String text) {
    }

    public record Review(@NotNull(groups = Required.class, message = "required") Decision decision,
                         @Text(max = 2000, multiline = true) String note) {
    }

    public record Reopening(@NotBlank(groups = Required.class, message = "required")
                            @Text(max = 2000, multiline = true) String reason) {
    }

    public record Person(long personId, String name, PersonRole role) {
    }

    public record Event(String kind, Status status, String text, String by, Instant at) {
    }

    /** A reason two people in the incident are kept apart by the housing rules (a rival group, a non-association). */
    public record Clash(String rule, long personA, long personB, String detail) {
    }

    public record Incident(long id, String facilityCode, Type type, Instant occurredAt, Long locationId,
                           String placeCode, String pavilionCode, String description, Status status,
                           String reportedBy, Instant reportedAt, List<Person> people, List<String> staff,
                           List<Event> history, List<Clash> clashes) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final AccountService accounts;
    private final GatheringCheck gathering;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    IncidentService(JdbcClient client, PeopleService people, EstateService estate, AccountService accounts,
                    GatheringCheck gathering, LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.accounts = accounts;
        this.gathering = gathering;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional
    public Incident report(NewIncident n, Official official) {
        check.require(n, "No incident was reported");
        estate.requireVisible(n.facilityCode(), official);
        Instant now = clock.instant();
        if (n.occurredAt().isAfter(now)) {
            throw new InvalidRequestException("occurredAt", "not in the future");
        }
        if (n.locationId() != null && !estate.location(n.locationId()).map(Location::facilityCode)
                .orElse("").equals(n.facilityCode())) {
            throw new InvalidRequestException("locationId", "a place of " + n.facilityCode());
        }
        List<Involved> involved = n.people() == null ? List.of() : n.people();
        Set<Long> seen = new java.util.HashSet<>();
        for (Involved i : involved) {
            people.find(i.personId(), official);
            if (!seen.add(i.personId())) {
                throw new InvalidRequestException("people", "each person once");
            }
        }
        TreeSet<String> staff = new TreeSet<>(n.staff() == null ? List.of() : n.staff());
        for (String u : staff) {
            if (!accounts.exists(u)) {
                throw new InvalidRequestException("staff", "no account " + u);
            }
        }
        Status status = Boolean.TRUE.equals(n.submit()) ? Status.AWAITING_REVIEW : Status.DRAFT;
        long id = client.sql("""
                        insert into incident (facility_code, type, occurred_at, location_id, description, status,
                                              reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(n.facilityCode(), n.type().name(), Timestamp.from(n.occurredAt()), n.locationId(),
                        n.description().strip(), status.name(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        involved.forEach(i -> client.sql("insert into incident_person (incident_id, person_id, role) values (?, ?, ?)")
                .params(id, i.personId(), i.role().name()).update());
        staff.forEach(u -> addStaff(id, u));
        history(id, "STATUS", status, null, official, now);
        ledger.append(new LedgerEvent(n.facilityCode(), null, "INCIDENT_REPORTED", Ordered.map("incident", id,
                "type", n.type(), "occurredAt", n.occurredAt(), "location", n.locationId(), "people",
                involved.stream().map(i -> Ordered.map("person", i.personId(), "role", i.role())).toList(), "staff",
                List.copyOf(staff), "status", status, "descriptionSha256", Sha256.hex(n.description().strip())),
                Actor.of(official), now));
        return find(id, official);
    }

    @Transactional
    public Incident submit(long id, Official official) {
        Incident i = lock(id, official);
        if (i.status() != Status.DRAFT && i.status() != Status.NEEDS_UPDATING) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "The incident is " + i.status());
        }
        return move(i, Status.AWAITING_REVIEW, null, official);
    }

    @Transactional
    public Incident add(long id, Addition a, Official official) {
        Incident i = lock(id, official);
        check.require(a, "Nothing was added");
        Instant now = clock.instant();
        history(id, "ADDITION", null, a.text().strip(), official, now);
        event(i, "INCIDENT_ADDITION", Ordered.map("incident", id, "textSha256", Sha256.hex(a.text().strip())),
                official, now);
        return find(id, official);
    }

    @Transactional
    public Incident review(long id, Review r, Official official) {
        Incident i = lock(id, official);
        check.require(r, "Nothing was reviewed");
        if (i.staff().contains(official.username()) || i.reportedBy().equals(official.username())) {
            throw new AccessDeniedException("staff named in the incident, or its reporter, do not review it");
        }
        if (i.status() != Status.AWAITING_REVIEW) {
            throw new ConflictException(ErrorCode.CONFLICT, "Only an incident awaiting review is reviewed");
        }
        return move(i, r.decision() == Decision.CLOSE ? Status.CLOSED : Status.NEEDS_UPDATING, r.note(), official);
    }

    @Transactional
    public Incident reopen(long id, Reopening r, Official official) {
        Incident i = lock(id, official);
        check.require(r, "Nothing was reopened");
        if (i.status() != Status.CLOSED) {
            throw new ConflictException(ErrorCode.CONFLICT, "Only a closed incident is reopened");
        }
        return move(i, Status.AWAITING_REVIEW, r.reason(), official);
    }

    /** Named in a use of force: the officers join the incident's staff. */
    void addStaff(long id, String username) {
        client.sql("insert into incident_staff (incident_id, username) values (?, ?) on conflict do nothing")
                .params(id, username).update();
    }

    @Transactional(readOnly = true)
    public Incident find(long id, Official official) {
        return query("i.id = ?", new Object[] {id}, 1, 0).stream().filter(i -> official.sees(i.facilityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    @Transactional(readOnly = true)
    public Page<Incident> list(String facility, Status status, Type type, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        String s = status == null ? null : status.name();
        String t = type == null ? null : type.name();
        String where = """
                i.facility_code = ? and (cast(? as text) is null or i.status = ?)
                and (cast(? as text) is null or i.type = ?)""";
        Object[] params = {facility, s, s, t, t};
        long total = client.sql("select count(*) from incident i where " + where).params(params).query(Long.class)
                .single();
        return new Page<>(query(where, params, size, Page.offset(page, size)), page, size, total);
    }

    private Incident move(Incident i, Status to, String note, Official official) {
        Instant now = clock.instant();
        client.sql("update incident set status = ? where id = ?").params(to.name(), i.id()).update();
        history(i.id(), "STATUS", to, note == null || note.isBlank() ? null : note.strip(), official, now);
        event(i, "INCIDENT_STATUS", Ordered.map("incident", i.id(), "from", i.status(), "to", to), official, now);
        return find(i.id(), official);
    }

    private void history(long id, String kind, Status status, String text, Official official, Instant at) {
        client.sql("insert into incident_event (incident_id, kind, status, text, by_user, at) values (?, ?, ?, ?, ?, ?)")
                .params(id, kind, status == null ? null : status.name(), text, official.username(),
                        Timestamp.from(at)).update();
    }

    private Incident lock(long id, Official official) {
        client.sql("select id from incident where id = ? for update").param(id).query(Long.class).optional();
        return find(id, official);
    }

    private void event(Incident i, String type, Map<String, ?> payload, Official official, Instant at) {
        ledger.append(new LedgerEvent(i.facilityCode(), null, type, payload, Actor.of(official), at));
    }

    private List<Incident> query(String where, Object[] params, int limit, long offset) {
        List<Incident> found = client.sql("""
                        select i.id, i.facility_code, i.type, i.occurred_at, i.location_id, l.code, l.pavilion_code,
                               i.description, i.status, i.reported_by, i.reported_at
                          from incident i left join estate_place l on l.id = i.location_id
                        """ + " where " + where + " order by i.occurred_at desc, i.id desc limit ? offset ?")
                .params(Ordered.params(params, limit, offset))
                .query((rs, n) -> new Incident(rs.getLong(1), rs.getString(2), Type.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), (Long) rs.getObject(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), Status.valueOf(rs.getString(9)), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), List.of(), List.of(), List.of(), List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Long[] ids = found.stream().map(Incident::id).toArray(Long[]::new);
        Map<Long, List<Person>> persons = new HashMap<>();
        client.sql("""
                        select p.incident_id, p.person_id, n.given_names, n.first_surname, n.second_surname, p.role
                          from incident_person p join people_name n on n.person_id = p.person_id
                         where p.incident_id = any(?) order by p.person_id""").param(ids)
                .query((rs, n) -> persons.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new Person(rs.getLong(2), PeopleService.fullName(rs.getString(3), rs.getString(4),
                                rs.getString(5)), PersonRole.valueOf(rs.getString(6)))))
                .list();
        Map<Long, List<String>> staff = new HashMap<>();
        client.sql("select incident_id, username from incident_staff where incident_id = any(?) order by username")
                .param(ids).query((rs, n) -> staff.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2))).list();
        Map<Long, List<Event>> events = new HashMap<>();
        client.sql("""
                        select incident_id, kind, status, text, by_user, at from incident_event
                         where incident_id = any(?) order by id""").param(ids)
                .query((rs, n) -> events.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new Event(rs.getString(2), rs.getString(3) == null ? null : Status.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))).list();
        return found.stream().map(i -> {
            List<Person> ps = persons.getOrDefault(i.id(), List.of());
            List<Clash> clashes = VIOLENCE.contains(i.type()) && ps.size() > 1
                    ? gathering.clashes(ps.stream().map(Person::personId).toList()).stream()
                    .filter(c -> !c.rule().equals("SEX"))
                    .map(c -> new Clash(c.rule(), c.personA(), c.personB(), c.detail())).toList()
                    : List.<Clash>of();
            return new Incident(i.id(), i.facilityCode(), i.type(), i.occurredAt(), i.locationId(), i.placeCode(),
                    i.pavilionCode(), i.description(), i.status(), i.reportedBy(), i.reportedAt(), ps,
                    staff.getOrDefault(i.id(), List.of()), events.getOrDefault(i.id(), List.of()), clashes);
        }).toList();
    }
}
