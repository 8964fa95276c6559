package org.custodia.incidents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.custodia.accounts.AccountService;
import org.custodia.estate.EstateService;
import org.custodia.health.SickCallService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.Sha256;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use of force, recorded on its incident: why, restraint and its position, the techniques used, whether body-worn
 * cameras and CCTV recorded it, the injuries (each opens a health examination: a sick call raised by staff). Every
 * officer involved owes a statement within {@link IncidentRules#statementDays()}; only that officer gives it.
 */
@Service
public class UseOfForceService {
    public enum Technique { ESCORT_HOLD, TAKEDOWN, HANDCUFFS, LEG_RESTRAINTS, PAIN_INDUCING, BATON, CHEMICAL_SPRAY }

    public record Injury(@NotNull(groups = Required.class, message = "required") Long personId,
                         @NotBlank(groups = Required.class, message = "required") @Text(max = 500) String description) {
    }

    public record NewUseOfForce(@NotEmpty(groups = Required.class, message = "required") @Size(max = 30)
                                List<@NotBlank @Text(max = 100) String> officers,
                                @NotBlank(groups = Required.class, message = "required")
                                @Text(max = 4000, multiline = true) String reason,
                                @NotNull(groups = Required.class, message = "required") Boolean restraint,
                                @Text(max = 200) String restraintPosition,
                                @Size(max = 10) List<@NotNull Technique> techniques,
                                @NotNull(groups = Required.class, message = "required") Boolean bodyWornCamera,
                                @NotNull(groups = Required.class, message = "required") Boolean cctv,
                                @Size(max = 50) @Valid List<@NotNull Injury> injuries) {
    }

    public record Statement(@NotBlank(groups = Required.class, message = "required")
                            @Text(max = 8000, multiline = true) String text) {
    }

    /** One officer's statement: owed until given; {@code overdue} past the due date. */
    public record Owed(long useOfForceId, long incidentId, String facilityCode, String officer, Instant due,
                       Instant submittedAt, boolean overdue) {
    }

    public record UseOfForce(long id, long incidentId, String reason, boolean restraint, String restraintPosition,
                             List<String> techniques, boolean bodyWornCamera, boolean cctv, Instant statementsDue,
                             List<Owed> statements, List<Long> examinations) {
    }

    private final JdbcClient client;
    private final IncidentService incidents;
    private final EstateService estate;
    private final AccountService accounts;
    private final SickCallService sickCalls;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final IncidentRules rules;
    private final Clock clock;

    UseOfForceService(JdbcClient client, IncidentService incidents, EstateService estate, AccountService accounts,
                      SickCallService sickCalls, LedgerService ledger, RecordCheck check, IncidentRules rules,
                      Clock clock) {
        this.client = client;
        this.incidents = incidents;
        this.estate = estate;
        this.accounts = accounts;
        this.sickCalls = sickCalls;
        this.ledger = ledger;
        this.check = check;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public UseOfForce record(long incidentId, NewUseOfForce u, Official official) {
        IncidentService.Incident incident = incidents.find(incidentId, official);
        check.require(u, "No use of force was recorded");
        TreeSet<String> officers = new TreeSet<>(u.officers());
        for (String o : officers) {
            if (!accounts.exists(o)) {
                throw new InvalidRequestException("officers", "no account " + o);
            }
        }
        if (client.sql("select count(*) from use_of_force where incident_id = ?").param(incidentId)
                .query(Long.class).single() > 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This incident's use of force is recorded");
        }
        Instant now = clock.instant();
        Instant due = now.plus(Duration.ofDays(rules.statementDays()));
        List<String> techniques = u.techniques() == null ? List.of()
                : u.techniques().stream().map(Enum::name).distinct().toList();
        long id = client.sql("""
                        insert into use_of_force (incident_id, reason, restraint, restraint_position, techniques,
                                                  body_worn_camera, cctv, statements_due, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(incidentId, u.reason().strip(), u.restraint(), u.restraintPosition(),
                        techniques.toArray(String[]::new), u.bodyWornCamera(), u.cctv(), Timestamp.from(due),
                        official.username(), Timestamp.from(now))
                .query(Long.class).single();
        for (String o : officers) {
            client.sql("insert into use_of_force_statement (use_of_force_id, username) values (?, ?)")
                    .params(id, o).update();
            incidents.addStaff(incidentId, o);
        }
        List<Long> examinations = new ArrayList<>();
        for (Injury i : u.injuries() == null ? List.<Injury>of() : u.injuries()) {
            long call = sickCalls.receive(i.personId(), new SickCallService.NewRequest(SickCallService.Source.STAFF,
                    "Examen médico tras el uso de la fuerza (incidente " + incidentId + "): " + i.description().strip()),
                    official).id();
            client.sql("""
                            insert into use_of_force_injury (use_of_force_id, person_id, description, sick_call_id)
                            values (?, ?, ?, ?)""")
                    .params(id, i.personId(), i.description().strip(), call).update();
            examinations.add(call);
        }
        ledger.append(new LedgerEvent(incident.facilityCode(), null, "USE_OF_FORCE_RECORDED", Ordered.map(
                "useOfForce", id, "incident", incidentId, "officers", List.copyOf(officers), "restraint", u.restraint(),
                "techniques", techniques, "bodyWornCamera", u.bodyWornCamera(), "cctv", u.cctv(), "injuries",
                examinations.size(), "statementsDue", due), Actor.of(official), now));
        return find(id, official);
    }

    @Transactional
    public UseOfForce statement(long id, Statement s, Official official) {
        UseOfForce u = find(id, official);
        check.require(s, "No statement was given");
        Owed owed = u.statements().stream().filter(o -> o.officer().equals(official.username())).findFirst()
                .orElseThrow(() -> new AccessDeniedException("only an officer involved gives a statement"));
        if (owed.submittedAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Your statement is given");
        }
        Instant now = clock.instant();
        client.sql("""
                        update use_of_force_statement set text = ?, submitted_at = ?
                         where use_of_force_id = ? and username = ?""")
                .params(s.text().strip(), Timestamp.from(now), id, official.username()).update();
        ledger.append(new LedgerEvent(owed.facilityCode(), null, "USE_OF_FORCE_STATEMENT", Ordered.map("useOfForce",
                id, "officer", official.username(), "late", now.isAfter(owed.due()), "textSha256",
                Sha256.hex(s.text().strip())), Actor.of(official), now));
        return find(id, official);
    }

    @Transactional(readOnly = true)
    public UseOfForce find(long id, Official official) {
        UseOfForce u = client.sql("""
                        select id, incident_id, reason, restraint, restraint_position, techniques, body_worn_camera,
                               cctv, statements_due from use_of_force where id = ?""")
                .param(id)
                .query((rs, n) -> new UseOfForce(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), List.of((String[]) rs.getArray(6).getArray()), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getTimestamp(9).toInstant(), List.of(), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("No use of force " + id));
        incidents.find(u.incidentId(), official);
        List<Owed> owed = owed("s.use_of_force_id = ?", new Object[] {id}, 100, 0);
        List<Long> exams = client.sql("select sick_call_id from use_of_force_injury where use_of_force_id = ?")
                .param(id).query(Long.class).list();
        return new UseOfForce(u.id(), u.incidentId(), u.reason(), u.restraint(), u.restraintPosition(),
                u.techniques(), u.bodyWornCamera(), u.cctv(), u.statementsDue(), owed, exams);
    }

    /** Statements still owed in a facility (all, or only those past their due date), oldest first. */
    @Transactional(readOnly = true)
    public Page<Owed> owed(String facility, boolean overdueOnly, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        String where = "i.facility_code = ? and s.submitted_at is null and (not ? or u.statements_due < ?)";
        Object[] params = {facility, overdueOnly, Timestamp.from(clock.instant())};
        long total = client.sql("""
                        select count(*) from use_of_force_statement s join use_of_force u on u.id = s.use_of_force_id
                          join incident i on i.id = u.incident_id where """ + " " + where)
                .params(params).query(Long.class).single();
        return new Page<>(owed(where, params, size, Page.offset(page, size)), page, size, total);
    }

    /** Statements overdue now per facility in scope: one aggregate, for the dashboard. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> overdueByFacility(Official official) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        client.sql("""
                        select i.facility_code, count(*) from use_of_force_statement s
                          join use_of_force u on u.id = s.use_of_force_id join incident i on i.id = u.incident_id
                         where s.submitted_at is null and u.statements_due < ? and (? or i.facility_code = any(?))
                         group by i.facility_code""")
                .params(Timestamp.from(clock.instant()), official.national(), official.facilityArray())
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private List<Owed> owed(String where, Object[] params, int limit, long offset) {
        Instant now = clock.instant();
        return client.sql("""
                        select s.use_of_force_id, u.incident_id, i.facility_code, s.username, u.statements_due,
                               s.submitted_at
                          from use_of_force_statement s join use_of_force u on u.id = s.use_of_force_id
                          join incident i on i.id = u.incident_id
                        """ + " where " + where + " order by u.statements_due, s.username limit ? offset ?")
                .params(Ordered.params(params, limit, offset))
                .query((rs, n) -> {
                    Instant due = rs.getTimestamp(5).toInstant();
                    Instant submitted = rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant();
                    return new Owed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), due, submitted,
                            submitted == null && due.isBefore(now));
                })
                .list();
    }
}
