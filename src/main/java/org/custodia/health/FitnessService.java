package org.custodia.health;

import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What custody staff may know of a person's health, decided by health staff: fit or unfit for work, for solitary
 * confinement (MANDELA-45: an unfit finding stops a placement), for transfer. The latest decision of each kind
 * stands; none means not assessed. Decisions are on the ledger in clear: they are custody information, not notes.
 */
@Service
public class FitnessService {
    public enum Kind { WORK, SOLITARY, TRANSFER }

    public record NewDecision(@NotNull(groups = Required.class, message = "required") Kind kind,
                              @NotNull(groups = Required.class, message = "required") Boolean fit,
                              @Day(earliest = "2000-01-01", daysAhead = 366) LocalDate reviewOn) {
    }

    public record Decision(Kind kind, boolean fit, LocalDate reviewOn, String decidedBy, Instant decidedAt) {
    }

    /** A person's standing decisions; a kind never assessed is absent. */
    public record Fitness(long personId, Map<Kind, Decision> decisions) {
        /** Whether health staff found the person unfit for this (an absent decision is not a finding). */
        public boolean unfitFor(Kind kind) {
            Decision d = decisions.get(kind);
            return d != null && !d.fit();
        }
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    FitnessService(JdbcClient client, PeopleService people, LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    /** For the modules that decide work, solitary and transfers: no scope check, the caller has made it. */
    @Transactional(readOnly = true)
    public Fitness of(long personId) {
        Map<Kind, Decision> out = new EnumMap<>(Kind.class);
        client.sql("""
                        select distinct on (kind) kind, fit, review_on, decided_by, decided_at from health_fitness
                         where person_id = ? order by kind, id desc""")
                .param(personId)
                .query((rs, i) -> new Decision(Kind.valueOf(rs.getString(1)), rs.getBoolean(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list().forEach(d -> out.put(d.kind(), d));
        return new Fitness(personId, out);
    }

    @Transactional(readOnly = true)
    public Fitness of(long personId, Official official) {
        people.find(personId, official);
        return of(personId);
    }

    @Transactional
    public Decision decide(long personId, NewDecision d, Official official) {
        PersonRecord p = people.held(personId, official);
        check.require(d, "Nothing was decided");
        return decide(personId, p.current().facilityCode(), d.kind(), d.fit(), d.reviewOn(), official,
                clock.instant());
    }

    Decision decide(long personId, String facility, Kind kind, boolean fit, LocalDate reviewOn, Official official,
                    Instant at) {
        client.sql("""
                        insert into health_fitness (person_id, facility_code, kind, fit, review_on, decided_by,
                                                    decided_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, facility, kind.name(), fit, reviewOn == null ? null : Date.valueOf(reviewOn),
                        official.username(), Timestamp.from(at))
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind);
        payload.put("fit", fit);
        payload.put("reviewOn", reviewOn);
        ledger.append(new LedgerEvent(facility, personId, "FITNESS_DECIDED", payload, Actor.of(official), at));
        return new Decision(kind, fit, reviewOn, official.username(), at);
    }
}
