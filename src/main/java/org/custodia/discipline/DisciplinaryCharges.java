package org.custodia.discipline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.incidents.IncidentService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disciplinary charges: laid within the hours after the incident, heard (the person's account is recorded), decided
 * by command; a proved charge's sanctions are checked against MANDELA-43 and 97 (refused with the rule) and
 * solitary confinement goes into the register with its limits. A proved charge may be quashed. The ledger carries
 * the offence, the outcome and the sanctions, and hashes of the texts.
 */
@Service
public class DisciplinaryCharges {
    public enum State { AWAITING_HEARING, SCHEDULED, PROVED, DISMISSED, NOT_PROCEEDED, REFERRED, QUASHED }

    public enum Outcome { PROVED, DISMISSED, NOT_PROCEEDED, REFERRED }

    /**
     * A charge names the incident it arises from ({@code incidentId}, whose recorded time is the incident's time;
     * a different {@code incidentAt} is refused) or, for an incident not recorded as one, the time it happened.
     */
    public record NewCharge(@NotNull(groups = Required.class, message = "required") Long personId,
                            @Positive Long incidentId,
                            @Moment(daysBack = 30) Instant incidentAt,
                            @Text(max = 100) String incidentReference,
                            @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String offence,
                            @NotBlank(groups = Required.class, message = "required")
                            @Text(max = 4000, multiline = true) String particulars) {
    }

    public record Hearing(@NotNull(groups = Required.class, message = "required")
                          @Moment(daysBack = 1, daysAhead = 30) Instant hearingAt) {
    }

    public record Sanction(@NotNull(groups = Required.class, message = "required") SanctionKind kind,
                           @Min(1) @Max(366) Integer days,
                           @Text(max = 500) String description) {
    }

    public record Decision(@NotNull(groups = Required.class, message = "required") Outcome outcome,
                           @NotBlank(groups = Required.class, message = "required")
                           @Text(max = 4000, multiline = true) String personsAccount,
                           @Text(max = 4000, multiline = true) String findings,
                           @Size(max = 10) @Valid List<@NotNull Sanction> sanctions) {
    }

    public record Quashing(@NotBlank(groups = Required.class, message = "required")
                           @Text(max = 2000, multiline = true) String reason) {
    }

    public record Charge(long id, long personId, String name, String facilityCode, Long incidentId,
                         Instant incidentAt, String incidentReference, String offence, String particulars,
                         String laidBy, Instant laidAt, State state, Instant hearingAt, String personsAccount, String findings, String decidedBy,
                         Instant decidedAt, List<Sanction> sanctions) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final IncidentService incidents;
    private final SolitaryService solitary;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final DisciplineRules rules;
    private final Clock clock;

    DisciplinaryCharges(JdbcClient client, PeopleService people, EstateService estate, IncidentService incidents,
                        SolitaryService solitary, LedgerService ledger, RecordCheck check, DisciplineRules rules,
                        Clock clock) {
        this.client = client;
        this.incidents = incidents;
        this.people = people;
        this.estate = estate;
        this.solitary = solitary;
        this.ledger = ledger;
        this.check = check;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Charge lay(NewCharge c, Official official) {
        check.require(c, "No charge was laid");
        PersonRecord p = people.held(c.personId(), official);
        Instant now = clock.instant();
        Instant incidentAt = incidentTime(c, official);
        if (incidentAt.isAfter(now)) {
            throw new InvalidRequestException("incidentAt", "not in the future");
        }
        if (Duration.between(incidentAt, now).toHours() >= rules.chargeHours()) {
            throw new ConflictException(ErrorCode.CHARGE_OUT_OF_TIME, "A charge is laid within "
                    + rules.chargeHours() + " hours of the incident", Map.of("hours", rules.chargeHours()));
        }
        String facility = p.current().facilityCode();
        long id = client.sql("""
                        insert into discipline_charge (person_id, facility_code, incident_id, incident_at,
                                                       incident_reference, offence, particulars, laid_by, laid_at, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_HEARING') returning id""")
                .params(c.personId(), facility, c.incidentId(), Timestamp.from(incidentAt), c.incidentReference(),
                        c.offence().strip(), c.particulars().strip(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("charge", id);
        payload.put("offence", c.offence().strip());
        if (c.incidentId() != null) {
            payload.put("incident", c.incidentId());
        }
        payload.put("incidentAt", incidentAt);
        payload.put("incidentReference", c.incidentReference());
        payload.put("particularsSha256", Sha256.hex(c.particulars().strip()));
        ledger.append(new LedgerEvent(facility, c.personId(), "DISCIPLINE_CHARGE_LAID", payload, Actor.of(official),
                now));
        return find(id, official);
    }

    /**
     * The incident's time: the recorded incident's, when the charge names one the official sees and the person is
     * named in; otherwise the time given.
     */
    private Instant incidentTime(NewCharge c, Official official) {
        if (c.incidentId() == null) {
            if (c.incidentAt() == null) {
                throw new InvalidRequestException("incidentAt", "required when no incidentId is given");
            }
            return c.incidentAt();
        }
        IncidentService.Incident incident = incidents.find(c.incidentId(), official);
        if (incident.people().stream().noneMatch(x -> x.personId() == c.personId())) {
            throw new InvalidRequestException("incidentId", "the person is not named in incident " + incident.id());
        }
        if (c.incidentAt() != null && !c.incidentAt().truncatedTo(ChronoUnit.SECONDS)
                .equals(incident.occurredAt().truncatedTo(ChronoUnit.SECONDS))) {
            throw new InvalidRequestException("incidentAt", "differs from the time incident " + incident.id()
                    + " records");
        }
        return incident.occurredAt();
    }

    @Transactional
    public Charge schedule(long id, Hearing h, Official official) {
        Charge c = lock(id, official);
        check.require(h, "No hearing was scheduled");
        if (c.state() != State.AWAITING_HEARING && c.state() != State.SCHEDULED) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This charge is decided");
        }
        client.sql("update discipline_charge set state = 'SCHEDULED', hearing_at = ? where id = ?")
                .params(Timestamp.from(h.hearingAt()), id).update();
        event(c, "DISCIPLINE_HEARING_SCHEDULED", Map.of("charge", id, "hearingAt", h.hearingAt()), official);
        return find(id, official);
    }

    @Transactional
    public Charge decide(long id, Decision d, Official official) {
        Charge c = lock(id, official);
        check.require(d, "Nothing was decided");
        if (c.state() != State.AWAITING_HEARING && c.state() != State.SCHEDULED) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This charge is decided");
        }
        List<Sanction> sanctions = d.sanctions() == null ? List.of() : d.sanctions();
        for (Sanction s : sanctions) {
            if (s.kind().prohibitedBy != null) {
                throw new ConflictException(ErrorCode.PROHIBITED_SANCTION, s.kind().prohibitedBy + ": "
                        + s.kind() + " may not be imposed as a sanction",
                        Map.of("rule", s.kind().prohibitedBy, "kind", s.kind().name()));
            }
        }
        if (d.outcome() != Outcome.PROVED && !sanctions.isEmpty()) {
            throw new InvalidRequestException("sanctions", "only for a proved charge");
        }
        List<Sanction> solitaryDays = sanctions.stream().filter(s -> s.kind() == SanctionKind.SOLITARY_CONFINEMENT)
                .toList();
        if (solitaryDays.size() > 1) {
            throw new InvalidRequestException("sanctions", "one period of solitary confinement at most");
        }
        for (Sanction s : sanctions) {
            if (s.kind() != SanctionKind.CAUTION && s.days() == null) {
                throw new InvalidRequestException("sanctions", "days, for every sanction but a caution");
            }
        }
        Instant now = clock.instant();
        client.sql("""
                        update discipline_charge set state = ?, persons_account = ?, findings = ?, decided_by = ?,
                                                     decided_at = ? where id = ?""")
                .params(d.outcome().name(), d.personsAccount().strip(), d.findings(), official.username(),
                        Timestamp.from(now), id).update();
        for (Sanction s : sanctions) {
            client.sql("insert into discipline_sanction (charge_id, kind, days, description) values (?, ?, ?, ?)")
                    .params(id, s.kind().name(), s.days(), s.description()).update();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("charge", id);
        payload.put("outcome", d.outcome());
        payload.put("sanctions", sanctions.stream().map(s -> Ordered.map("kind", s.kind().name(), "days", s.days()))
                .toList());
        payload.put("personsAccountSha256", Sha256.hex(d.personsAccount().strip()));
        event(c, "DISCIPLINE_ADJUDICATED", payload, official);
        for (Sanction s : solitaryDays) {
            solitary.place(c.personId(), SolitaryService.Basis.DISCIPLINARY, id, official.displayName(),
                    "Sanción del cargo " + id + ": " + c.offence(), s.days(), official);
        }
        return find(id, official);
    }

    @Transactional
    public Charge quash(long id, Quashing q, Official official) {
        Charge c = lock(id, official);
        check.require(q, "Nothing was quashed");
        if (c.state() != State.PROVED) {
            throw new ConflictException(ErrorCode.CONFLICT, "Only a proved charge is quashed");
        }
        client.sql("update discipline_charge set state = 'QUASHED' where id = ?").param(id).update();
        event(c, "DISCIPLINE_QUASHED", Map.of("charge", id, "reasonSha256", Sha256.hex(q.reason().strip())),
                official);
        client.sql("select id from solitary_placement where charge_id = ? and ended_at is null").param(id)
                .query(Long.class).optional()
                .ifPresent(p -> solitary.end(p, new SolitaryService.Ending("Cargo anulado: " + q.reason().strip()),
                        official));
        return find(id, official);
    }

    @Transactional(readOnly = true)
    public Charge find(long id, Official official) {
        return query("c.id = ?", new Object[] {id}, 1, 0).stream().filter(c -> official.sees(c.facilityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException("No disciplinary charge " + id));
    }

    @Transactional(readOnly = true)
    public Page<Charge> of(long personId, int page, int size, Official official) {
        people.find(personId, official);
        long total = client.sql("select count(*) from discipline_charge where person_id = ?").param(personId)
                .query(Long.class).single();
        return new Page<>(query("c.person_id = ?", new Object[] {personId}, size, Page.offset(page, size)), page,
                size, total);
    }

    /** A facility's charges awaiting a decision, oldest first: what the adjudicator has to hear. */
    @Transactional(readOnly = true)
    public Page<Charge> pending(String facility, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        String where = "c.facility_code = ? and c.state in ('AWAITING_HEARING','SCHEDULED')";
        long total = client.sql("select count(*) from discipline_charge c where " + where).param(facility)
                .query(Long.class).single();
        return new Page<>(query(where, new Object[] {facility}, size, Page.offset(page, size)), page, size, total);
    }

    private Charge lock(long id, Official official) {
        client.sql("select id from discipline_charge where id = ? for update").param(id).query(Long.class).optional();
        return find(id, official);
    }

    private void event(Charge c, String type, Map<String, ?> payload, Official official) {
        ledger.append(new LedgerEvent(c.facilityCode(), c.personId(), type, payload, Actor.of(official),
                clock.instant()));
    }
    private List<Charge> query(String where, Object[] params, int limit, long offset) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 2);
        all[params.length] = limit;
        all[params.length + 1] = offset;
        List<Charge> charges = client.sql("""
                        select c.id, c.person_id, n.given_names, n.first_surname, n.second_surname, c.facility_code,
                               c.incident_at, c.incident_reference, c.offence, c.particulars, c.laid_by, c.laid_at,
                               c.state, c.hearing_at, c.persons_account, c.findings, c.decided_by, c.decided_at,
                               c.incident_id
                          from discipline_charge c join people_name n on n.person_id = c.person_id
                        """ + " where " + where + " order by c.laid_at, c.id limit ? offset ?")
                .params(all)
                .query((rs, i) -> new Charge(rs.getLong(1), rs.getLong(2), PeopleService.fullName(rs.getString(3),
                        rs.getString(4), rs.getString(5)), rs.getString(6), rs.getObject(19, Long.class),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getTimestamp(12).toInstant(), State.valueOf(rs.getString(13)), instant(rs.getTimestamp(14)),
                        rs.getString(15), rs.getString(16), rs.getString(17), instant(rs.getTimestamp(18)), List.of()))
                .list();
        if (charges.isEmpty()) {
            return charges;
        }
        Map<Long, List<Sanction>> sanctions = new java.util.HashMap<>();
        client.sql("select charge_id, kind, days, description from discipline_sanction where charge_id = any(?) "
                        + "order by id")
                .param(charges.stream().map(Charge::id).toArray(Long[]::new))
                .query((rs, i) -> sanctions.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new Sanction(SanctionKind.valueOf(rs.getString(2)), (Integer) rs.getObject(3),
                                rs.getString(4))))
                .list();
        return charges.stream().map(c -> new Charge(c.id(), c.personId(), c.name(), c.facilityCode(), c.incidentId(),
                c.incidentAt(), c.incidentReference(), c.offence(), c.particulars(), c.laidBy(), c.laidAt(), c.state(), c.hearingAt(),
                c.personsAccount(), c.findings(), c.decidedBy(), c.decidedAt(),
                sanctions.getOrDefault(c.id(), List.of()))).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
