package org.custodia.discipline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.incidents.IncidentHistory;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.Ordered;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Solitary confinement as a facility's register stood when Custodia took it on, set-wise: placements running now
 * (some near the limit), with the health visits and time outdoors the register kept — not every day. One ledger
 * entry per facility carries the counts and the SHA-256 of the rows.
 */
@Service
public class DisciplineHistory {
    /** A placement running now: {@code served} days so far of {@code planned}. */
    public record Running(int served, int planned) {
    }

    private final JdbcClient client;
    private final LedgerService ledger;

    DisciplineHistory(JdbcClient client, LedgerService ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOn(String facility, List<Running> running, double seed, Actor actor, Instant now) {
        if (running.isEmpty()) {
            return;
        }
        client.sql("select setseed(?)::text").param(seed).query(String.class).single();
        List<long[]> people = client.sql("""
                        select b.person_id, b.location_id from people_in_custody b
                          join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind = 'CELL' order by random() limit ?""")
                .params(facility, running.size())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        String[] bases = {"GOOD_ORDER", "DISCIPLINARY", "OWN_PROTECTION"};
        for (int i = 0; i < people.size(); i++) {
            Running r = running.get(i);
            Instant started = now.minus(Duration.ofDays(r.served() - 1)).minus(Duration.ofHours(2 + i % 6));
            long id = client.sql("""
                            insert into solitary_placement (person_id, facility_code, location_id, basis, authority,
                                                            reason, started_at, planned_end, placed_by)
                            values (?, ?, ?, ?, 'Dirección del centro', ?, ?, ?, ?) returning id""")
                    .params(people.get(i)[0], facility, people.get(i)[1], bases[i % bases.length],
                            "Tomado del registro anterior del centro", Timestamp.from(started),
                            Timestamp.from(started.plus(Duration.ofDays(r.planned()))), actor.account())
                    .query(Long.class).single();
            // a health visit on most days, time outdoors on fewer, the first review on the third day
            client.sql("""
                            insert into solitary_visit (placement_id, kind, at, minutes, finding, recorded_by)
                            select ?, k.kind, d + interval '10 hours', case when k.kind = 'OUTDOORS' then 60 end,
                                   case when k.kind = 'HEALTH' then 'NO_ADVERSE_EFFECT' end, ?
                              from generate_series(cast(? as timestamptz), cast(? as timestamptz), interval '1 day') d
                             cross join (values ('HEALTH', 0.8), ('OUTDOORS', 0.4)) k(kind, p)
                             where random() < k.p and d + interval '10 hours' < ?""")
                    .params(id, actor.account(), Timestamp.from(started), Timestamp.from(now), Timestamp.from(now))
                    .update();
            if (r.served() > 3) {
                client.sql("""
                                insert into solitary_visit (placement_id, kind, at, finding, recorded_by)
                                values (?, 'REVIEW', ?, 'CONTINUE', ?)""")
                        .params(id, Timestamp.from(started.plus(Duration.ofDays(3))), actor.account()).update();
            }
        }
        String rows = client.sql("""
                        select coalesce(string_agg(s.id || ':' || s.person_id || ':' || epoch_micros(s.started_at) || ':'
                                  || epoch_micros(s.planned_end) || ':' || (select count(*) from solitary_visit v
                                  where v.placement_id = s.id), E'\\n' order by s.id), '')
                          from solitary_placement s where s.facility_code = ? and s.placed_by = ?""")
                .params(facility, actor.account()).query(String.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("placements", people.size());
        payload.put("rowsSha256", Sha256.hex(rows));
        ledger.append(new LedgerEvent(facility, null, "SOLITARY_TAKEN_ON", payload, actor, now));
    }

    /**
     * The charges laid after a facility's recent fights and assaults, each naming its incident and laid by the
     * facility's officer a few hours after it (within the hours the rules allow), awaiting a hearing. One ledger
     * entry per facility with the SHA-256 of the rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOnCharges(String facility, List<IncidentHistory.Accused> accused, String officer, Actor actor,
                              Instant now) {
        if (accused.isEmpty()) {
            return;
        }
        for (IncidentHistory.Accused a : accused) {
            Instant laid = a.occurredAt().plus(Duration.ofHours(3));
            client.sql("""
                            insert into discipline_charge (person_id, facility_code, incident_id, incident_at, offence,
                                                           particulars, laid_by, laid_at, state)
                            values (?, ?, ?, ?, 'Agresión a otro privado de libertad', ?, ?, ?, 'AWAITING_HEARING')""")
                    .params(a.personId(), facility, a.incidentId(), Timestamp.from(a.occurredAt()),
                            "Señalado como agresor en el incidente n.º " + a.incidentId(), officer,
                            Timestamp.from(laid.isAfter(now) ? now : laid))
                    .update();
        }
        String rows = client.sql("""
                        select string_agg(id || ':' || person_id || ':' || incident_id || ':' || epoch_micros(laid_at),
                                          E'\\n' order by id)
                          from discipline_charge where facility_code = ? and incident_id = any(?)""")
                .params(facility, accused.stream().map(IncidentHistory.Accused::incidentId).distinct()
                        .toArray(Long[]::new))
                .query(String.class).single();
        ledger.append(new LedgerEvent(facility, null, "DISCIPLINE_CHARGES_TAKEN_ON", Ordered.map("charges",
                accused.size(), "rowsSha256", Sha256.hex(rows)), actor, now));
    }
}
