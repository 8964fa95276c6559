package org.custodia.incidents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
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
 * A month of a facility's incidents as its earlier records held them, taken on: fights that began over food and
 * water, refusals, a loss of water supply, contraband; reviews done and not; on a share of the fights force was used
 * and a statement is still owed past its date. One ledger entry per facility with the SHA-256 of the rows.
 */
@Service
public class IncidentHistory {
    private static final String[] DESCRIPTIONS = {
        "Riña durante el reparto del almuerzo: reclamaban raciones incompletas",
        "Pelea en la fila del agua: el turno de la celda se acabó antes de llenar los recipientes",
        "Negativa colectiva a recibir la cena por la cantidad servida",
        "Corte del suministro de agua al pabellón durante seis horas",
        "Hallazgo de un teléfono móvil en una celda",
        "Alboroto en el pabellón tras el conteo de la tarde"};
    private static final String[] TYPES = {"FIGHT", "FIGHT", "FOOD_REFUSAL", "LOSS_OF_WATER_SUPPLY", "CONTRABAND",
        "DISTURBANCE"};

    /** Someone named as the perpetrator of a recorded fight or assault: what a disciplinary charge may arise from. */
    public record Accused(long incidentId, Instant occurredAt, long personId) {
    }

    private final JdbcClient client;
    private final LedgerService ledger;

    IncidentHistory(JdbcClient client, LedgerService ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOn(String facility, int count, String officer, long seed, Actor actor, Instant now) {
        Random random = new Random(seed);
        List<long[]> held = client.sql("""
                        select b.person_id, b.location_id from people_in_custody b join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind = 'CELL' order by md5(b.person_id::text || ?) limit ?""")
                .params(facility, Long.toString(seed), count * 2)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        String[] statuses = {"CLOSED", "CLOSED", "AWAITING_REVIEW", "NEEDS_UPDATING", "DRAFT"};
        for (int i = 0; i + 1 < held.size() && i / 2 < count; i += 2) {
            boolean first = i == 0;  // the first is always a fight whose officer's statement is overdue
            int kind = first ? 1 : random.nextInt(TYPES.length);
            Instant occurred = now.minus(Duration.ofMinutes((first ? 60 * 24 * 5 : 60) + random.nextInt(60 * 24 * 25)));
            String status = statuses[random.nextInt(statuses.length)];
            long id = client.sql("""
                            insert into incident (facility_code, type, occurred_at, location_id, description, status,
                                                  reported_by, reported_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(facility, TYPES[kind], Timestamp.from(occurred), held.get(i)[1], DESCRIPTIONS[kind], status,
                            actor.account(), Timestamp.from(occurred.plus(Duration.ofHours(1))))
                    .query(Long.class).single();
            client.sql("insert into incident_event (incident_id, kind, status, by_user, at) values (?, 'STATUS', ?, ?, ?)")
                    .params(id, status, actor.account(), Timestamp.from(occurred.plus(Duration.ofHours(1)))).update();
            if (TYPES[kind].equals("FIGHT")) {
                client.sql("insert into incident_person (incident_id, person_id, role) values (?, ?, 'PERPETRATOR'), "
                        + "(?, ?, 'VICTIM')").params(id, held.get(i)[0], id, held.get(i + 1)[0]).update();
                if (first || random.nextInt(3) == 0) {
                    Instant recorded = occurred.plus(Duration.ofHours(2));
                    long force = client.sql("""
                                    insert into use_of_force (incident_id, reason, restraint, techniques, body_worn_camera,
                                                              cctv, statements_due, recorded_by, recorded_at)
                                    values (?, 'Separar a los implicados', true, '{TAKEDOWN,HANDCUFFS}', false, ?, ?, ?, ?)
                                    returning id""")
                            .params(id, random.nextBoolean(), Timestamp.from(recorded.plus(Duration.ofDays(3))),
                                    actor.account(), Timestamp.from(recorded))
                            .query(Long.class).single();
                    boolean given = !first && random.nextInt(3) == 0;
                    client.sql("""
                                    insert into use_of_force_statement (use_of_force_id, username, text, submitted_at)
                                    values (?, ?, ?, ?)""")
                            .params(force, officer, given ? "Declaración tomada de los registros anteriores" : null,
                                    given ? Timestamp.from(recorded.plus(Duration.ofDays(1))) : null)
                            .update();
                    client.sql("insert into incident_staff (incident_id, username) values (?, ?)").params(id, officer)
                            .update();
                }
            }
        }
        String rows = client.sql("""
                        select coalesce(string_agg(i.id || ':' || i.type || ':' || i.status || ':'
                                  || epoch_micros(i.occurred_at), E'\\n' order by i.id), '')
                          from incident i where i.facility_code = ? and i.reported_by = ?""")
                .params(facility, actor.account()).query(String.class).single();
        ledger.append(new LedgerEvent(facility, null, "INCIDENTS_TAKEN_ON", Ordered.map("incidents",
                Math.min(count, held.size() / 2), "rowsSha256", Sha256.hex(rows)), actor, now));
    }

    /** The perpetrators named in a facility's violent incidents since a moment (the take-on of the charges laid). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Accused> accusedSince(String facility, Instant since) {
        return client.sql("""
                        select i.id, i.occurred_at, p.person_id
                          from incident i join incident_person p on p.incident_id = i.id
                         where i.facility_code = ? and i.occurred_at >= ? and p.role = 'PERPETRATOR'
                           and i.type = any(?)
                         order by i.occurred_at, i.id, p.person_id""")
                .params(facility, Timestamp.from(since),
                        IncidentService.VIOLENCE.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new Accused(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3))).list();
    }
}
