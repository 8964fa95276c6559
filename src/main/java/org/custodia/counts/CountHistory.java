package org.custodia.counts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts made before Custodia kept the facility's records (the demo, or a migration), taken on as they were: each a
 * scheduled count at its set time, every place counted as the people held there, signed off; every
 * {@code discrepancyEvery}-th count found one place one short, recounted it and cleared it. Written set-wise by
 * PostgreSQL; each count taken on is one {@code COUNT_TAKEN_ON} ledger entry with its figures and the SHA-256 of
 * its submissions.
 */
@Service
public class CountHistory {
    private final JdbcClient client;
    private final LedgerService ledger;

    CountHistory(JdbcClient client, LedgerService ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int takeOn(String facility, List<Instant> slots, int discrepancyEvery, Actor actor, Instant now) {
        if (slots.isEmpty()) {
            return 0;
        }
        List<Long> ids = client.sql("""
                        insert into count_round (facility_code, kind, scheduled_for, cross_count, opened_at, opened_by,
                                                 signed_off_at, signed_off_by)
                        select ?, 'SCHEDULED', s, false, s + interval '3 minutes', ?, s + interval '41 minutes', ?
                          from unnest(?::timestamptz[]) s order by s
                        returning id""")
                .params(facility, actor.account(), actor.account(),
                        slots.stream().map(Timestamp::from).toArray(Timestamp[]::new))
                .query(Long.class).list();
        Long[] counts = ids.toArray(Long[]::new);
        // every place counted as held; in every n-th count the first occupied place was first counted one short
        client.sql("""
                        insert into count_submission (count_id, location_id, counted, expected, missing, extra_people,
                                                      extra_descriptions, note, submitted_by, submitted_at)
                        select r.id, l.id, l.population - 1, l.population, '{}'::bigint[], '{}'::bigint[], '{}'::text[],
                               'Uno en la ducha del pasillo; recontado', ?, r.opened_at + interval '10 minutes'
                          from count_round r
                          join lateral (select id, population from estate_place
                                         where facility_code = r.facility_code and kind = 'CELL' and population > 0
                                         order by code limit 1) l on true
                         where r.id = any(?) and r.id % ? = 0
                        union all
                        select r.id, l.id, l.population, l.population, '{}'::bigint[], '{}'::bigint[], '{}'::text[], null, ?,
                               r.opened_at + interval '20 minutes'
                          from count_round r join estate_place l on l.facility_code = r.facility_code
                         where r.id = any(?) and l.kind in ('CELL','PUNISHMENT','RECEPTION')""")
                .params(actor.account(), counts, discrepancyEvery, actor.account(), counts)
                .update();
        List<LedgerEvent> events = new ArrayList<>(ids.size());
        client.sql("""
                        select r.id, r.scheduled_for, count(*), sum(s.counted), count(*) filter (where s.counted <> s.expected),
                               string_agg(s.location_id || ':' || s.counted || ':' || s.expected, ',' order by s.id)
                          from count_round r join count_submission s on s.count_id = r.id
                         where r.id = any(?) group by r.id, r.scheduled_for order by r.id""")
                .param(counts)
                .query((rs, n) -> {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("count", rs.getLong(1));
                    payload.put("scheduledFor", rs.getTimestamp(2).toInstant().toString());
                    payload.put("submissions", rs.getLong(3));
                    payload.put("counted", rs.getLong(4));
                    payload.put("recounted", rs.getLong(5));
                    payload.put("submissionsSha256", Sha256.hex(rs.getString(6)));
                    return events.add(new LedgerEvent(facility, null, "COUNT_TAKEN_ON", payload, actor, now));
                }).list();
        ledger.appendAll(events);
        return ids.size();
    }
}
