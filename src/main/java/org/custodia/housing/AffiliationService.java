package org.custodia.housing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.platform.BulkCopy;
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
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups, rivalries and affiliation claims. A claim records who says a person belongs to a group, on what evidence,
 * with what confidence; it is used for separation only, and a claim resting on no evidence says so.
 */
@Service
public class AffiliationService {
    public record Group(String code, String name) {
    }

    public record Rivalry(String groupA, String groupB, String level) {
    }

    public record NewClaim(@Text(max = 100) String group,
                           @Text(max = 100) String source,
                           @Text(max = 300) String evidenceRef,
                           @Text(max = 100) String confidence,
                           @Day LocalDate claimedOn) {
    }

    public record Claim(long id, String group, String source, String evidenceRef, boolean restsOnNoEvidence,
                        String confidence, LocalDate claimedOn, String recordedBy, String status,
                        List<String> statusHistory) {
    }

    static final Set<String> SOURCES = Set.of("SELF_DECLARED", "OBSERVED_MARKS", "INTELLIGENCE_REPORT", "SENDING_STATE");
    static final Set<String> CONFIDENCE = Set.of("LOW", "MEDIUM", "HIGH");

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final BulkCopy bulk;
    private final PeopleService people;
    private final LedgerService ledger;
    private final Clock clock;

    AffiliationService(JdbcClient client, JdbcTemplate jdbc, PeopleService people, LedgerService ledger,
                       Clock clock, BulkCopy bulk) {
        this.bulk = bulk;
        this.client = client;
        this.jdbc = jdbc;
        this.people = people;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Group> groups() {
        return client.sql("select code, name from housing_group order by code")
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2))).list();
    }

    @Transactional(readOnly = true)
    public List<Rivalry> rivalries() {
        return client.sql("select group_a, group_b, level from group_rivalry order by group_a, group_b")
                .query((rs, n) -> new Rivalry(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional
    public Claim claim(long personId, NewClaim c, Official official) {
        PersonRecord p = people.find(personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        if (c.group() == null || groups().stream().noneMatch(g -> g.code().equals(c.group()))) {
            e.put("group", "one of " + groups().stream().map(Group::code).toList());
        }
        if (c.source() == null || !SOURCES.contains(c.source())) {
            e.put("source", "one of " + SOURCES);
        }
        if (c.confidence() == null || !CONFIDENCE.contains(c.confidence())) {
            e.put("confidence", "one of " + CONFIDENCE);
        }
        if (c.claimedOn() == null || c.claimedOn().isAfter(LocalDate.now(clock))) {
            e.put("claimedOn", "required, not in the future");
        }
        if (c.evidenceRef() != null && (c.evidenceRef().length() > 300
                || c.evidenceRef().chars().anyMatch(ch -> ch < 0x20))) {
            e.put("evidenceRef", "at most 300 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The claim cannot be recorded; nothing was changed", e);
        }
        String evidence = c.evidenceRef() == null || c.evidenceRef().isBlank() ? null : c.evidenceRef().strip();
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into affiliation_claim (person_id, group_code, source, evidence_ref, confidence,
                                                       claimed_on, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, c.group(), c.source(), evidence, c.confidence(), Date.valueOf(c.claimedOn()),
                        official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claim", id);
        payload.put("group", c.group());
        payload.put("source", c.source());
        payload.put("evidenceRef", evidence);
        payload.put("confidence", c.confidence());
        payload.put("claimedOn", c.claimedOn());
        ledger.append(new LedgerEvent(p.bookings().getFirst().facilityCode(), personId, "AFFILIATION_CLAIMED",
                payload, Actor.of(official), now));
        return claims(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /**
     * Claims taken on with an existing population (the demo, a migration): written in one batch, each with its
     * {@code AFFILIATION_CLAIMED} ledger entry on the facility's chain.
     */
    @Transactional
    public void takeOn(Map<Long, String> facilityByPerson, Map<Long, NewClaim> claims, Actor actor) {
        if (claims.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long[] ids = bulk.nextIds("affiliation_claim", claims.size());
        List<Object[]> rows = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        int i = 0;
        for (var e : claims.entrySet()) {
            long id = ids[i++];
            NewClaim c = e.getValue();
            rows.add(new Object[] {id, e.getKey(), c.group(), c.source(), c.evidenceRef(), c.confidence(),
                    c.claimedOn(), actor.account(), now});
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("claim", id);
            payload.put("group", c.group());
            payload.put("source", c.source());
            payload.put("evidenceRef", c.evidenceRef());
            payload.put("confidence", c.confidence());
            payload.put("claimedOn", c.claimedOn());
            events.add(new LedgerEvent(facilityByPerson.get(e.getKey()), e.getKey(), "AFFILIATION_CLAIMED", payload,
                    actor, now));
        }
        // COPY writes the drawn ids into the identity column as INSERT … OVERRIDING SYSTEM VALUE would
        bulk.copy("copy affiliation_claim (id, person_id, group_code, source, evidence_ref, confidence, claimed_on, "
                + "recorded_by, recorded_at) from stdin", sink -> rows.forEach(sink::row));
        ledger.appendAll(events);
    }

    /** Disputes or closes a claim; a closed claim no longer counts for separation but stays on file. */
    @Transactional
    public Claim changeStatus(long claimId, String status, String reason, Official official) {
        Long personId = client.sql("select person_id from affiliation_claim where id = ?").param(claimId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("No claim " + claimId));
        PersonRecord p = people.find(personId, official);
        if (!"DISPUTED".equals(status) && !"CLOSED".equals(status)) {
            throw new InvalidRequestException("status", "DISPUTED or CLOSED");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException("reason", "required, at most 1000 characters");
        }
        client.sql("select pg_advisory_xact_lock(?)").param(claimId).query().listOfRows();
        Claim current = claims(personId).stream().filter(x -> x.id() == claimId).findFirst().orElseThrow();
        if (current.status().equals("CLOSED") || current.status().equals(status)) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Claim " + claimId + " is already " + current.status().toLowerCase());
        }
        Instant now = clock.instant();
        client.sql("insert into affiliation_claim_event (claim_id, status, reason, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(claimId, status, reason.strip(), official.username(), Timestamp.from(now)).update();
        ledger.append(new LedgerEvent(p.bookings().getFirst().facilityCode(), personId,
                "AFFILIATION_" + status, Map.of("claim", claimId, "reason", reason.strip()), Actor.of(official), now));
        return claims(personId).stream().filter(x -> x.id() == claimId).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Claim> claims(long personId, Official official) {
        people.find(personId, official);
        return claims(personId);
    }

    private List<Claim> claims(long personId) {
        return client.sql("""
                        select c.id, c.group_code, c.source, c.evidence_ref, c.confidence, c.claimed_on, c.recorded_by,
                               coalesce((select e.status from affiliation_claim_event e where e.claim_id = c.id
                                          order by e.id desc limit 1), 'OPEN'),
                               coalesce((select string_agg(e.status || ' (' || e.recorded_by || '): ' || e.reason, ' | '
                                                          order by e.id)
                                           from affiliation_claim_event e where e.claim_id = c.id), '')
                          from affiliation_claim c where c.person_id = ? order by c.id""")
                .param(personId)
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(4) == null, rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
                        rs.getString(8), rs.getString(9).isEmpty() ? List.of() : List.of(rs.getString(9).split(" \\| "))))
                .list();
    }
}
