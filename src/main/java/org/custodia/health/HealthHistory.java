package org.custodia.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.CanonicalJson;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health care as a facility kept it before Custodia, taken on set-wise in SQL (a first start must stay fast): the
 * day clinical records began here, the screenings of stays since then (a share of them never done), and a month of
 * sick calls with the waits the facility had. One ledger entry per facility carries the counts and the SHA-256 of the
 * rows taken on; the clinical text taken on is a placeholder, never a person's words.
 */
@Service
public class HealthHistory {
    /**
     * How a facility's health care went: {@code missedPercent} of stays never screened, {@code requestsPerThousand}
     * sick-call requests a day per 1,000 people, and the spread of hours to triage and to being seen.
     */
    public record Pattern(int missedPercent, int injuriesPercent, int requestsPerThousand, int triageMaxHours,
                          int seenMaxHours) {
    }

    private final JdbcClient client;
    private final LedgerService ledger;

    HealthHistory(JdbcClient client, LedgerService ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOn(String facility, Instant since, int days, Pattern p, double seed, Actor actor, Instant now) {
        client.sql("insert into clinical_records_since (facility_code, since, set_by, set_at) values (?, ?, ?, ?)")
                .params(facility, Timestamp.from(since), actor.account(), Timestamp.from(now)).update();
        client.sql("select setseed(?)::text").param(seed).query(String.class).single();
        String screening = CanonicalJson.write(Map.of("outcome", "COMPLETED", "notes",
                "Tomado de los registros anteriores del centro"));
        String injured = CanonicalJson.write(Map.of("outcome", "COMPLETED", "illTreatmentSigns", true, "notes",
                "Tomado de los registros anteriores del centro: lesiones documentadas al ingreso"));
        int screenings = client.sql("""
                        with chosen as (
                            select b.person_id, b.booking_id, b.facility_code,
                                   b.admitted_at + (1 + random() * 30) * interval '1 hour' as at,
                                   random() * 100 < ? as injuries
                              from people_in_custody b
                             where b.facility_code = ? and b.admitted_at >= ? and random() * 100 >= ?
                        ), notes as (
                            insert into clinical_note (person_id, facility_code, kind, content, sha256, recorded_by,
                                                       recorded_at)
                            select person_id, facility_code, 'SCREENING', case when injuries then ? else ? end,
                                   case when injuries then ? else ? end, ?, at
                              from chosen where at < ?
                            returning id, person_id
                        )
                        insert into health_screening (booking_id, person_id, facility_code, outcome, injuries,
                                                      ill_treatment_signs, screened_by, screened_at, note_id)
                        select c.booking_id, c.person_id, c.facility_code, 'COMPLETED', c.injuries, c.injuries, ?,
                               c.at, n.id
                          from notes n join chosen c on c.person_id = n.person_id""")
                .params(p.injuriesPercent(), facility, Timestamp.from(since), p.missedPercent(), injured, screening,
                        org.custodia.platform.Sha256.hex(injured), org.custodia.platform.Sha256.hex(screening),
                        actor.account(), Timestamp.from(now), actor.account())
                .update();
        String request = CanonicalJson.write(Map.of("source", "PERSON", "request",
                "Solicitud de consulta tomada de los registros anteriores del centro"));
        int calls = client.sql("""
                        with people as (
                            select person_id, booking_id, row_number() over (order by person_id) as n
                              from people_in_custody where facility_code = ?
                        ), picks as (
                            -- one pick per request; the microseconds make each request's time its own
                            select 1 + floor(random() * (select count(*) from people))::int as pick,
                                   date_trunc('second', cast(? as timestamptz) - random() * ? * interval '1 day')
                                       + i * interval '1 microsecond' as received_at,
                                   random() as r, random() as t, random() as s
                              from generate_series(1, greatest(1, (select count(*) from people) * ? * ? / 1000)) i
                        ), requests as (
                            select p.person_id, p.booking_id, k.received_at, k.r, k.t, k.s
                              from picks k join people p on p.n = k.pick
                        ), timed as (
                            select *, received_at + (1 + t * t * ?) * interval '1 hour' as triaged,
                                   case when r < 0.10 then 'URGENT' when r < 0.65 then 'SYMPTOM'
                                        when r < 0.90 then 'ROUTINE' else 'NON_CLINICAL' end as priority
                              from requests
                        ), notes as (
                            insert into clinical_note (person_id, facility_code, kind, content, sha256, recorded_by,
                                                       recorded_at)
                            select person_id, ?, 'REQUEST', ?, ?, ?, received_at from timed
                            returning id, person_id, recorded_at
                        )
                        insert into sick_call (person_id, booking_id, facility_code, source, received_at, received_by,
                                               request_note_id, priority, triaged_at, triaged_by, seen_at, seen_by,
                                               outcome)
                        select t.person_id, t.booking_id, ?, 'PERSON', t.received_at, ?, n.id,
                               case when t.triaged < ? then t.priority end,
                               case when t.triaged < ? then t.triaged end,
                               case when t.triaged < ? then ? end,
                               case when t.triaged + x.wait < ? and t.priority <> 'NON_CLINICAL'
                                    then t.triaged + x.wait end,
                               case when t.triaged + x.wait < ? and t.priority <> 'NON_CLINICAL' then ? end,
                               case when t.triaged + x.wait < ? and t.priority <> 'NON_CLINICAL'
                                    then case when t.r < 0.05 then 'REFERRED_HOSPITAL' else 'TREATED' end end
                          from notes n join timed t on t.person_id = n.person_id and t.received_at = n.recorded_at
                          cross join lateral (select (case when t.priority = 'URGENT' then 0.1 else 1 end)
                                                     * (1 + t.s * ?) * interval '1 hour' as wait) x""")
                .params(facility, Timestamp.from(now), days, days, p.requestsPerThousand(), p.triageMaxHours(),
                        facility, request, org.custodia.platform.Sha256.hex(request), actor.account(),
                        facility, actor.account(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                        actor.account(), Timestamp.from(now), Timestamp.from(now), actor.account(), Timestamp.from(now),
                        p.seenMaxHours())
                .update();
        String rows = client.sql("""
                        select coalesce(string_agg(id || ':' || person_id || ':' || coalesce(priority, '-') || ':'
                                  || epoch_micros(received_at) || ':' || coalesce(epoch_micros(triaged_at)::text, '-') || ':'
                                  || coalesce(epoch_micros(seen_at)::text, '-'), E'\\n' order by id), '')
                          from sick_call where facility_code = ? and received_by = ?""")
                .params(facility, actor.account()).query(String.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clinicalRecordsSince", since);
        payload.put("screenings", screenings);
        payload.put("sickCalls", calls);
        payload.put("sickCallRowsSha256", org.custodia.platform.Sha256.hex(rows));
        ledger.append(new LedgerEvent(facility, null, "HEALTH_TAKEN_ON", payload, actor, now));
    }

    /** The earliest a facility's demo history reaches back. */
    public static Instant since(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }
}
