package org.custodia.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contagious isolation (MANDELA-11 separation, MANDELA-24-35 health care): health staff or command order a person
 * isolated in a cohort (an opaque code such as AISL-TB1, not a diagnosis), so they share a cell only with the same
 * cohort, and end the order. The clinical reason stays in the order, readable by health and command; the ledger
 * records who ordered what cohort and when. Ordering isolation moves nobody: the answer says how many cellmates
 * are outside the cohort, and the move to an isolation cell is made through the housing rules.
 */
@Service
public class IsolationService {
    public record NewIsolation(@Text(max = 100) String cohort, @Text(max = 2000, multiline = true) String reason) {
    }

    public record Isolation(long id, long personId, String cohort, String reason, String orderedBy, Instant orderedAt,
                            String endReason, String endedBy, Instant endedAt, Integer cellmatesOutsideCohort) {
        public boolean active() {
            return endedAt == null;
        }
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final CustodyMovements custody;
    private final LedgerService ledger;
    private final Clock clock;

    IsolationService(JdbcClient client, PeopleService people, CustodyMovements custody, LedgerService ledger, Clock clock) {
        this.client = client;
        this.people = people;
        this.custody = custody;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Isolation order(long personId, NewIsolation n, Official official) {
        people.find(personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        if (n == null || n.cohort() == null || !n.cohort().matches("[A-Z0-9-]{2,20}")) {
            e.put("cohort", "2 to 20 capital letters, digits or hyphens (a cohort code, not a diagnosis)");
        }
        if (n == null || n.reason() == null || n.reason().isBlank() || n.reason().length() > 2000) {
            e.put("reason", "required, at most 2000 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The isolation cannot be ordered; nothing was changed", e);
        }
        Booking b = custody.lockInCustody(List.of(personId)).get(personId);
        if (b == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody");
        }
        if (active(personId) != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Person " + personId + " is already isolated; end that order first");
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into isolation_order (person_id, cohort, reason, ordered_by, ordered_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(personId, n.cohort(), n.reason().strip(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "ISOLATION_ORDERED",
                Map.of("isolation", id, "cohort", n.cohort()), Actor.of(official), now));
        return find(id, true);
    }

    @Transactional
    public Isolation end(long isolationId, String reason, Official official) {
        Long personId = client.sql("select person_id from isolation_order where id = ?").param(isolationId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("No isolation " + isolationId));
        var person = people.find(personId, official);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidRequestException("reason", "required, at most 2000 characters");
        }
        Booking b = custody.lockInCustody(List.of(personId)).get(personId);
        Instant now = clock.instant();
        int ended = client.sql("""
                        insert into isolation_end (isolation_id, reason, ended_by, ended_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(isolationId, reason.strip(), official.username(), Timestamp.from(now)).update();
        if (ended == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Isolation " + isolationId + " has already ended");
        }
        // released since the order: the end goes on the chain of the facility that last held them
        String chain = b != null ? b.facilityCode() : person.bookings().getFirst().facilityCode();
        ledger.append(new LedgerEvent(chain, personId, "ISOLATION_ENDED", Map.of("isolation", isolationId),
                Actor.of(official), now));
        return find(isolationId, false);
    }

    @Transactional(readOnly = true)
    public List<Isolation> history(long personId, Official official) {
        people.find(personId, official);
        return client.sql(SELECT + " where i.person_id = ? order by i.id desc").param(personId)
                .query((rs, n) -> row(rs, null)).list();
    }

    private Long active(long personId) {
        return client.sql("""
                        select i.id from isolation_order i where i.person_id = ?
                           and not exists (select 1 from isolation_end x where x.isolation_id = i.id)""")
                .param(personId).query(Long.class).optional().orElse(null);
    }

    private static final String SELECT = """
            select i.id, i.person_id, i.cohort, i.reason, i.ordered_by, i.ordered_at, x.reason, x.ended_by, x.ended_at
              from isolation_order i left join isolation_end x on x.isolation_id = i.id""";

    private Isolation find(long id, boolean withCellmates) {
        Integer cellmates = !withCellmates ? null : client.sql("""
                        select count(*) from people_in_custody me
                          join people_in_custody o on o.location_id = me.location_id
                          join estate_place l on l.id = me.location_id
                         where me.person_id = (select person_id from isolation_order where id = ?)
                           and o.person_id <> me.person_id
                           and l.kind in ('CELL','PUNISHMENT')
                           and not exists (select 1 from isolation_order i where i.person_id = o.person_id
                                              and i.cohort = (select cohort from isolation_order where id = ?)
                                              and not exists (select 1 from isolation_end x
                                                               where x.isolation_id = i.id))""")
                .params(id, id).query(Integer.class).single();
        return client.sql(SELECT + " where i.id = ?").param(id).query((rs, n) -> row(rs, cellmates)).single();
    }

    private static Isolation row(java.sql.ResultSet rs, Integer cellmates) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp(9);
        return new Isolation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                ended == null ? null : ended.toInstant(), cellmates);
    }
}
