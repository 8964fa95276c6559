package org.custodia.regime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diets a person is owed: medical (prescribed by health staff, whose description only they read: custody and the
 * kitchen see that a medical diet applies) and religious. The ledger records the kind, never the description.
 */
@Service
public class DietService {
    public enum Kind { MEDICAL, RELIGIOUS }

    public record NewDiet(@NotNull(groups = Required.class, message = "required") Kind kind,
                          @NotBlank(groups = Required.class, message = "required") @Text(max = 500) String description,
                          @NotNull(groups = Required.class, message = "required") @Day(earliest = "2000-01-01",
                                  daysAhead = 366) LocalDate since,
                          @Day(earliest = "2000-01-01", daysAhead = 3660) LocalDate until) {
    }

    public record Diet(long id, long personId, Kind kind, String description, LocalDate since, LocalDate until,
                       String recordedBy, Instant recordedAt) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    DietService(JdbcClient client, PeopleService people, LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional
    public Diet record(long personId, NewDiet d, Official official) {
        PersonRecord p = people.find(personId, official);
        check.require(d, "The diet was not recorded");
        if (d.kind() == Kind.MEDICAL && !official.has(Role.HEALTH)) {
            throw new AccessDeniedException("a medical diet is prescribed by health staff");
        }
        if (d.until() != null && d.until().isBefore(d.since())) {
            throw new InvalidRequestException("until", "on or after since");
        }
        if (p.bookings().isEmpty()) {
            throw new InvalidRequestException("personId", "a person with a stay");
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into diet (person_id, kind, description, since, until, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, d.kind().name(), d.description().strip(), Date.valueOf(d.since()),
                        d.until() == null ? null : Date.valueOf(d.until()), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("diet", id);
        payload.put("kind", d.kind().name());
        payload.put("since", d.since().toString());
        ledger.append(new LedgerEvent(p.bookings().getFirst().facilityCode(), personId, "DIET_RECORDED", payload,
                Actor.of(official), now));
        return of(personId, official).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** The person's diets; a medical diet's description only for health staff. */
    @Transactional(readOnly = true)
    public List<Diet> of(long personId, Official official) {
        people.find(personId, official);
        boolean clinical = official.has(Role.HEALTH);
        return client.sql("select id, kind, description, since, until, recorded_by, recorded_at from diet "
                        + "where person_id = ? order by since desc, id desc limit 200")
                .param(personId)
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString(2));
                    java.sql.Date until = rs.getDate(5);
                    return new Diet(rs.getLong(1), personId, kind,
                            kind == Kind.MEDICAL && !clinical ? null : rs.getString(3), rs.getDate(4).toLocalDate(),
                            until == null ? null : until.toLocalDate(), rs.getString(6),
                            rs.getTimestamp(7).toInstant());
                }).list();
    }
}
