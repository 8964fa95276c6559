package org.custodia.oversight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.CustodyMovements;
import org.custodia.platform.Ordered;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last year's deaths and serious injuries of a facility as its earlier records held them, taken on: each death
 * ended a stay on its day; most were reported within hours (some a day later), most acknowledged, the next of kin
 * of a few never recorded as told, causes established for the older ones. One ledger entry per case, dated when it
 * was reported.
 */
@Service
public class SeriousCaseHistory {
    private final JdbcClient client;
    private final CustodyMovements custody;
    private final LedgerService ledger;

    SeriousCaseHistory(JdbcClient client, CustodyMovements custody, LedgerService ledger) {
        this.client = client;
        this.custody = custody;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void takeOn(String facility, int deaths, int injuries, long seed, Actor actor, Instant now) {
        Random random = new Random(seed);
        List<Long> people = client.sql("""
                        select b.person_id from people_in_custody b join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind = 'CELL' order by md5(b.person_id::text || ?) limit ?""")
                .params(facility, Long.toString(seed), deaths + injuries).query(Long.class).list();
        String[] causes = {"Insuficiencia respiratoria", "Tuberculosis pulmonar", "Traumatismo craneoencefálico",
                "Desnutrición severa", "Infarto agudo de miocardio"};
        for (int i = 0; i < people.size(); i++) {
            boolean death = i < deaths;
            long person = people.get(i);
            Instant occurred = now.minus(Duration.ofMinutes(60L * 24 * 5 + random.nextInt(60 * 24 * 355)));
            Instant reported = occurred.plus(Duration.ofMinutes(20 + random.nextInt(random.nextInt(5) == 0 ? 2880 : 240)));
            boolean acknowledged = random.nextInt(10) > 0;
            boolean told = !death || random.nextInt(6) > 0;
            boolean causeKnown = death && occurred.isBefore(now.minus(Duration.ofDays(60)));
            String circumstances = death ? "Encontrado sin respuesta en su celda durante el conteo"
                    : "Lesiones graves tras una riña en el pabellón";
            long id = client.sql("""
                            insert into serious_case (kind, person_id, facility_code, occurred_at, place, circumstances,
                                                      found_by, source, reported_by, reported_at, acknowledged_by,
                                                      acknowledged_at, next_of_kin, next_of_kin_notified_at,
                                                      next_of_kin_by, cause, cause_established_by, cause_at)
                            values (?, ?, ?, ?, 'Celda', ?, ?, 'STAFF_REPORT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            returning id""")
                    .params(death ? "DEATH" : "SERIOUS_INJURY", person, facility, Timestamp.from(occurred),
                            circumstances, death ? "Oficial de turno" : null, actor.account(), Timestamp.from(reported),
                            acknowledged ? "inspeccion" : null,
                            acknowledged ? Timestamp.from(reported.plus(Duration.ofHours(3))) : null,
                            told ? "Familiar directo" : null,
                            told ? Timestamp.from(occurred.plus(Duration.ofHours(6 + random.nextInt(60)))) : null,
                            told ? actor.account() : null, causeKnown ? causes[random.nextInt(causes.length)] : null,
                            causeKnown ? "Instituto de Medicina Legal" : null,
                            causeKnown ? Timestamp.from(occurred.plus(Duration.ofDays(30))) : null)
                    .query(Long.class).single();
            ledger.append(new LedgerEvent(facility, person, "SERIOUS_CASE_REPORTED", Ordered.map("case", id, "kind",
                    death ? "DEATH" : "SERIOUS_INJURY", "occurredAt", occurred, "place", "Celda", "source",
                    "STAFF_REPORT", "notified", "INSPECTOR", "involvedStaff", List.of(), "circumstancesSha256",
                    Sha256.hex(circumstances), "takenOn", true), actor, reported));
            if (death) {
                custody.takeOnDeath(person, occurred, "Muerte en custodia, caso " + id, actor);
            }
        }
    }
}
