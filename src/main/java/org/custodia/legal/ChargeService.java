package org.custodia.legal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.platform.BulkCopy;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.Booking;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charges and pretrial extensions, each with its ledger entry. */
@Service
public class ChargeService {
    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final BulkCopy bulk;
    private final PeopleService people;
    private final LedgerService ledger;
    private final Clock clock;
    private final PretrialWatch watch;

    ChargeService(JdbcClient client, JdbcTemplate jdbc, PeopleService people, LedgerService ledger, Clock clock,
                  PretrialWatch watch, BulkCopy bulk) {
        this.bulk = bulk;
        this.watch = watch;
        this.client = client;
        this.jdbc = jdbc;
        this.people = people;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Charge record(long personId, NewCharge c, Official official) {
        PersonRecord p = InCustody.require(people, personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "caseNumber", c.caseNumber(), 100);
        Texts.require(e, "offence", c.offence(), 300);
        Texts.require(e, "statuteArticle", c.statuteArticle(), 100);
        if (c.seriousness() == null) {
            e.put("seriousness", "required: SERIOUS or LESS_SERIOUS");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The charge cannot be recorded; nothing was changed", e);
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into charge (person_id, case_number, offence, statute_article, seriousness, recorded_by,
                                            recorded_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, c.caseNumber().strip(), c.offence().strip(), c.statuteArticle().strip(),
                        c.seriousness().name(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        ledger.append(new LedgerEvent(p.current().facilityCode(), personId, "CHARGE_RECORDED",
                chargePayload(id, c), Actor.of(official), now));
        return charges(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** Charges of people taken on with the existing population (demo load, migration), written together. */
    @Transactional
    public void takeOn(Map<Long, String> facilityByPerson, Map<Long, NewCharge> charges, Actor actor) {
        Instant now = clock.instant();
        long[] ids = bulk.nextIds("charge", charges.size());
        List<LedgerEvent> events = new ArrayList<>();
        bulk.copy("copy charge (id, person_id, case_number, offence, statute_article, seriousness, recorded_by, "
                + "recorded_at) from stdin", rows -> {
                    int i = 0;
                    for (var entry : charges.entrySet()) {
                        long id = ids[i++];
                        NewCharge c = entry.getValue();
                        rows.row(id, entry.getKey(), c.caseNumber(), c.offence(), c.statuteArticle(), c.seriousness(),
                                actor.account(), now);
                        events.add(new LedgerEvent(facilityByPerson.get(entry.getKey()), entry.getKey(),
                                "CHARGE_RECORDED", chargePayload(id, c), actor, now));
                    }
                });
        ledger.appendAll(events);
    }

    /**
     * A court's extension of pretrial detention (SV-LECO-2025): for the current stay only, citing the resolution,
     * and never beyond the legal limit plus the most the law allows.
     */
    @Transactional
    public void extend(long personId, String legalBasis, String courtResolution, LocalDate expiresOn,
                       Official official) {
        PersonRecord p = InCustody.require(people, personId, official);
        Booking b = p.current();
        if (b.legalStatus() != LegalStatus.UNTRIED) {
            throw new ConflictException("Person " + personId + " is not held untried: there is no pretrial "
                    + "detention to extend");
        }
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "legalBasis", legalBasis, 500);
        Texts.require(e, "courtResolution", courtResolution, 200);
        LocalDate since = (b.arrestedAt() != null ? b.arrestedAt() : b.admittedAt()).atZone(ZoneOffset.UTC)
                .toLocalDate();
        LocalDate latest = watch.latestExtension(personId, since);
        if (expiresOn == null || !expiresOn.isAfter(LocalDate.now(clock))) {
            e.put("expiresOn", "required, after today");
        } else if (expiresOn.isAfter(latest)) {
            e.put("expiresOn", "at most " + latest + ": the legal limit plus the longest extension the law allows");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The extension cannot be recorded; nothing was changed", e);
        }
        Instant now = clock.instant();
        client.sql("""
                        insert into pretrial_extension (person_id, booking_number, legal_basis, court_resolution,
                                                        expires_on, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, b.bookingNumber(), legalBasis.strip(), courtResolution.strip(),
                        Date.valueOf(expiresOn), official.username(), Timestamp.from(now))
                .update();
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "PRETRIAL_EXTENDED",
                Map.of("booking", b.bookingNumber(), "legalBasis", legalBasis.strip(),
                        "courtResolution", courtResolution.strip(), "expiresOn", expiresOn),
                Actor.of(official), now));
    }

    @Transactional(readOnly = true)
    public List<Charge> charges(long personId, Official official) {
        people.find(personId, official);
        return charges(personId);
    }

    private List<Charge> charges(long personId) {
        return client.sql("select id, case_number, offence, statute_article, seriousness, recorded_by, recorded_at "
                        + "from charge where person_id = ? order by id")
                .param(personId)
                .query((rs, n) -> new Charge(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Seriousness.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }


    private static Map<String, Object> chargePayload(long id, NewCharge c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("charge", id);
        m.put("caseNumber", c.caseNumber().strip());
        m.put("offence", c.offence().strip());
        m.put("statuteArticle", c.statuteArticle().strip());
        m.put("seriousness", c.seriousness());
        return m;
    }
}
