package org.custodia.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For people held for another state: the agreement, the sending state's stated grounds and the evidence it
 * provided. "No evidence provided" is recorded explicitly and counted; so is "nothing recorded at all".
 */
@Service
public class TransferGroundsService {
    public record Grounds(long personId, String agreement, String statedGrounds, boolean evidenceProvided,
                          String evidence, String recordedBy, Instant recordedAt) {
    }

    public record NewGrounds(@Text(max = 300) String agreement,
                             @Text(max = 4000, multiline = true) String statedGrounds,
                             Boolean evidenceProvided,
                             @Text(max = 4000, multiline = true) String evidence) {
    }

    public record FacilityFigures(String facilityCode, long held, long groundsRecorded, long noGroundsRecorded,
                                  long noEvidenceProvided) {
    }

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final LedgerService ledger;
    private final Clock clock;

    TransferGroundsService(JdbcClient client, JdbcTemplate jdbc, PeopleService people, LedgerService ledger,
                           Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.people = people;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Grounds record(long personId, NewGrounds g, Official official) {
        PersonRecord p = people.find(personId, official);
        if (p.current() == null || p.current().legalStatus() != LegalStatus.HELD_FOR_ANOTHER_STATE) {
            throw new ConflictException("Person " + personId + " is not held for another state");
        }
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "agreement", g.agreement(), 300);
        Texts.require(e, "statedGrounds", g.statedGrounds(), 4000);
        if (g.evidenceProvided() == null) {
            e.put("evidenceProvided", "required: true, or false when the sending state provided none");
        } else if (g.evidenceProvided()) {
            Texts.require(e, "evidence", g.evidence(), 4000);
        } else if (g.evidence() != null && !g.evidence().isBlank()) {
            e.put("evidence", "no evidence was provided, so none is described");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The grounds cannot be recorded; nothing was changed", e);
        }
        insert(List.of(personId), List.of(g), List.of(p.current().facilityCode()), Actor.of(official));
        return current(personId);
    }

    /** Grounds for people taken on with the existing population (demo load, migration). */
    @Transactional
    public void takeOn(List<Long> personIds, List<NewGrounds> grounds, List<String> facilities, Actor actor) {
        insert(personIds, grounds, facilities, actor);
    }

    private void insert(List<Long> ids, List<NewGrounds> grounds, List<String> facilities, Actor actor) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            NewGrounds g = grounds.get(i);
            String evidence = Boolean.TRUE.equals(g.evidenceProvided()) ? g.evidence().strip() : null;
            rows.add(new Object[] {ids.get(i), g.agreement().strip(), g.statedGrounds().strip(), evidence != null,
                    evidence, actor.account(), Timestamp.from(now)});
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("agreement", g.agreement().strip());
            payload.put("statedGrounds", g.statedGrounds().strip());
            payload.put("evidenceProvided", evidence != null);
            payload.put("evidence", evidence);
            events.add(new LedgerEvent(facilities.get(i), ids.get(i), "TRANSFER_GROUNDS_RECORDED", payload, actor,
                    now));
        }
        jdbc.batchUpdate("insert into transfer_grounds (person_id, agreement, stated_grounds, evidence_provided, "
                + "evidence, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
        ledger.appendAll(events);
    }

    @Transactional(readOnly = true)
    public Grounds grounds(long personId, Official official) {
        people.find(personId, official);
        return current(personId);
    }

    private Grounds current(long personId) {
        return client.sql("""
                        select person_id, agreement, stated_grounds, evidence_provided, evidence, recorded_by, recorded_at
                          from transfer_grounds where person_id = ? order by id desc limit 1""")
                .param(personId)
                .query((rs, n) -> new Grounds(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional().orElse(null);
    }

    /** Per facility: people held for another state, with grounds recorded, with none, and with no evidence. */
    @Transactional(readOnly = true)
    public List<FacilityFigures> figures(Official official) {
        Map<Long, Boolean> evidence = new HashMap<>();
        client.sql("select distinct on (person_id) person_id, evidence_provided from transfer_grounds "
                        + "order by person_id, id desc")
                .query((java.sql.ResultSet rs) -> {
                    evidence.put(rs.getLong(1), rs.getBoolean(2));
                });
        Map<String, long[]> by = new TreeMap<>();
        for (PeopleService.UntriedCustody h : people.held(official, null, LegalStatus.HELD_FOR_ANOTHER_STATE)) {
            long[] c = by.computeIfAbsent(h.facilityCode(), k -> new long[4]);
            c[0]++;
            Boolean provided = evidence.get(h.personId());
            if (provided == null) {
                c[2]++;
            } else {
                c[1]++;
                if (!provided) {
                    c[3]++;
                }
            }
        }
        List<FacilityFigures> out = new ArrayList<>();
        by.forEach((f, c) -> out.add(new FacilityFigures(f, c[0], c[1], c[2], c[3])));
        return out;
    }
}
