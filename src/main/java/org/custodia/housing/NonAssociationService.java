package org.custodia.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.custodia.platform.PersonLocator;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs of people kept apart (co-defendants, victim and aggressor, informant) at cell, pavilion or facility level.
 * Recorded with the reason, closed and reopened with a reason, never edited; each change is written to the ledger
 * of both people.
 */
@Service
public class NonAssociationService {
    public record NewNonAssociation(Long personA,
                                    Long personB,
                                    Level level,
                                    @Text(max = 100) String kind,
                                    @Text(max = 2000, multiline = true) String reason) {
    }

    /** A recorded non-association and, when both are held, whether they are now closer than it allows. */
    public record Recorded(NonAssociation nonAssociation, boolean breachedNow) {
    }

    static final Set<String> KINDS = Set.of("CO_DEFENDANT", "VICTIM_AGGRESSOR", "INFORMANT", "THREAT", "OTHER");

    private static final String SELECT = """
            select n.id, n.person_a, n.person_b, n.level, n.kind, n.reason, n.recorded_by, n.recorded_at,
                   coalesce((select e.status from non_association_event e where e.non_association_id = n.id
                              order by e.id desc limit 1), 'REOPENED') <> 'CLOSED'
              from non_association n""";

    private final JdbcClient client;
    private final PeopleService people;
    private final LedgerService ledger;
    private final Clock clock;
    private final PersonLocator locator;

    NonAssociationService(JdbcClient client, PeopleService people, LedgerService ledger, Clock clock,
                          PersonLocator locator) {
        this.locator = locator;
        this.client = client;
        this.people = people;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(NewNonAssociation n, Official official) {
        Map<String, String> e = new LinkedHashMap<>();
        if (n.personA() == null) {
            e.put("personA", "required");
        }
        if (n.personB() == null) {
            e.put("personB", "required");
        }
        if (n.personA() != null && n.personA().equals(n.personB())) {
            e.put("personB", "a different person");
        }
        if (n.level() == null) {
            e.put("level", "CELL, PAVILION or FACILITY");
        }
        if (n.kind() == null || !KINDS.contains(n.kind())) {
            e.put("kind", "one of " + KINDS);
        }
        if (n.reason() == null || n.reason().isBlank() || n.reason().length() > 1000) {
            e.put("reason", "required, at most 1000 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The non-association cannot be recorded; nothing was changed", e);
        }
        PersonRecord a = people.find(n.personA(), official);
        PersonRecord b = people.find(n.personB(), official);
        long lo = Math.min(a.id(), b.id());
        long hi = Math.max(a.id(), b.id());
        client.sql("select pg_advisory_xact_lock(?, ?)").params((int) lo, (int) hi).query().listOfRows();
        if (client.sql("select count(*) from non_association where person_a = ? and person_b = ?").params(lo, hi)
                .query(Long.class).single() > 0) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS, "A non-association between " + lo + " and " + hi
                    + " is already on file: reopen it or close it");
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into non_association (person_a, person_b, level, kind, reason, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(lo, hi, n.level().name(), n.kind(), n.reason().strip(), official.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("nonAssociation", id);
        payload.put("level", n.level());
        payload.put("kind", n.kind());
        payload.put("reason", n.reason().strip());
        write(id, lo, hi, "NON_ASSOCIATION_RECORDED", payload, official, now);
        NonAssociation na = find(id);
        return new Recorded(na, breached(na));
    }

    /** Closes (no longer applies) or reopens a non-association, with the reason. */
    @Transactional
    public NonAssociation changeStatus(long id, String status, String reason, Official official) {
        NonAssociation na = find(id);
        people.find(na.personA(), official);
        people.find(na.personB(), official);
        if (!"CLOSED".equals(status) && !"REOPENED".equals(status)) {
            throw new InvalidRequestException("status", "CLOSED or REOPENED");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException("reason", "required, at most 1000 characters");
        }
        client.sql("select pg_advisory_xact_lock(?, ?)").params((int) na.personA(), (int) na.personB())
                .query().listOfRows();
        na = find(id);
        if (na.active() == status.equals("REOPENED")) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Non-association " + id + " is already " + (na.active() ? "open" : "closed"));
        }
        Instant now = clock.instant();
        client.sql("insert into non_association_event (non_association_id, status, reason, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id, status, reason.strip(), official.username(), Timestamp.from(now)).update();
        write(id, na.personA(), na.personB(), "NON_ASSOCIATION_" + status,
                Map.of("nonAssociation", id, "reason", reason.strip()), official, now);
        return find(id);
    }

    /**
     * A person's non-associations as the official may see them. When the other person is outside the official's
     * scope, only that a non-association with someone elsewhere exists, its level and whether it is in force are
     * shown: not who, why, or who recorded it.
     */
    public record Seen(long id, Long personA, Long personB, Level level, String kind, String reason,
                       String recordedBy, Instant recordedAt, boolean active, boolean withSomeoneElsewhere) {
        static Seen of(NonAssociation n) {
            return new Seen(n.id(), n.personA(), n.personB(), n.level(), n.kind(), n.reason(), n.recordedBy(),
                    n.recordedAt(), n.active(), false);
        }

        static Seen elsewhere(NonAssociation n, long personId) {
            return new Seen(n.id(), personId, null, n.level(), null, null, null, null, n.active(), true);
        }
    }

    @Transactional(readOnly = true)
    public List<Seen> of(long personId, Official official) {
        people.find(personId, official);
        return client.sql(SELECT + " where n.person_a = ? or n.person_b = ? order by n.id").params(personId, personId)
                .query(NonAssociationService::row).list().stream()
                .map(n -> locator.facilityOf(n.other(personId)).filter(official::sees).isPresent() ? Seen.of(n)
                        : Seen.elsewhere(n, personId))
                .toList();
    }

    /** Open non-associations of any of the people. */
    @Transactional(readOnly = true)
    public List<NonAssociation> activeFor(Collection<Long> personIds) {
        Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
        return client.sql(SELECT + " where n.person_a = any(?) or n.person_b = any(?)").params(ids, ids)
                .query(NonAssociationService::row).list().stream().filter(NonAssociation::active).toList();
    }

    private boolean breached(NonAssociation na) {
        List<Map<String, Object>> rows = client.sql("""
                        select b.location_id, l.pavilion_id, b.facility_code from people_in_custody b
                          join estate_place l on l.id = b.location_id
                         where b.person_id in (?, ?)""")
                .params(na.personA(), na.personB()).query().listOfRows();
        if (rows.size() < 2) {
            return false;
        }
        Map<String, Object> x = rows.get(0);
        Map<String, Object> y = rows.get(1);
        return x.get("location_id").equals(y.get("location_id"))
                || na.level().atLeast(Level.PAVILION) && x.get("pavilion_id") != null
                        && x.get("pavilion_id").equals(y.get("pavilion_id"))
                || na.level() == Level.FACILITY && x.get("facility_code").equals(y.get("facility_code"));
    }

    private void write(long id, long a, long b, String type, Map<String, Object> payload, Official official,
                       Instant now) {
        for (long[] pair : new long[][] {{a, b}, {b, a}}) {
            Map<String, Object> p = new LinkedHashMap<>(payload);
            p.put("other", pair[1]);
            String chain = people.find(pair[0], official).bookings().getFirst().facilityCode();
            ledger.append(new LedgerEvent(chain, pair[0], type, p, Actor.of(official), now));
        }
    }

    private NonAssociation find(long id) {
        return client.sql(SELECT + " where n.id = ?").param(id).query(NonAssociationService::row).optional()
                .orElseThrow(() -> new NotFoundException("No non-association " + id));
    }

    private static NonAssociation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NonAssociation(rs.getLong(1), rs.getLong(2), rs.getLong(3), Level.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getBoolean(9));
    }
}
