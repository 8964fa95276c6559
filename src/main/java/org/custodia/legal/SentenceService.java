package org.custodia.legal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.platform.BulkCopy;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records sentences (each with its ledger entry) and computes the earliest release date from them. */
@Service
public class SentenceService {
    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final BulkCopy bulk;
    private final PeopleService people;
    private final LedgerService ledger;
    private final SentenceRules rules;
    private final Clock clock;

    SentenceService(JdbcClient client, JdbcTemplate jdbc, PeopleService people, LedgerService ledger,
                    SentenceRules rules, Clock clock, BulkCopy bulk) {
        this.bulk = bulk;
        this.client = client;
        this.jdbc = jdbc;
        this.people = people;
        this.ledger = ledger;
        this.rules = rules;
        this.clock = clock;
    }

    /** A person's sentences and the calculation. */
    public record Sentences(long personId, List<Sentence> sentences, SentenceCalculator.Calculation calculation) {
    }

    @Transactional
    public Sentences record(long personId, NewSentence n, Official official) {
        PersonRecord p = InCustody.require(people, personId, official);
        List<Sentence> existing = list(personId);
        Map<String, String> errors = validate(n, existing);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The sentence cannot be recorded; nothing was changed", errors);
        }
        long credit = n.remandCreditDays() == null ? 0 : n.remandCreditDays();
        long id = client.sql("""
                        insert into sentence (person_id, case_number, court, offence, years, months, days, start_date,
                                              mode, follows, remand_credit_days, imposed_on, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, n.caseNumber().strip(), n.court().strip(), n.offence().strip(), n.years(),
                        n.months(), n.days(), Date.valueOf(n.startDate()), n.mode().name(), n.follows(), credit,
                        Date.valueOf(n.imposedOn()), official.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Sentences after = sentences(personId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sentence", id);
        payload.put("caseNumber", n.caseNumber().strip());
        payload.put("court", n.court().strip());
        payload.put("offence", n.offence().strip());
        payload.put("term", Map.of("years", n.years(), "months", n.months(), "days", n.days()));
        payload.put("startDate", n.startDate());
        payload.put("mode", n.mode());
        payload.put("follows", n.follows());
        payload.put("remandCreditDays", credit);
        payload.put("imposedOn", n.imposedOn());
        payload.put("earliestRelease", after.calculation().earliestRelease());
        ledger.append(new LedgerEvent(p.current().facilityCode(), personId, "SENTENCE_RECORDED", payload,
                Actor.of(official), clock.instant()));
        return after;
    }

    /** Sentences of people taken on with the existing population (demo load, migration), written together. */
    @Transactional
    public void takeOn(List<Long> personIds, List<NewSentence> sentences, List<String> facilities, Actor actor) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < personIds.size(); i++) {
            NewSentence n = sentences.get(i);
            rows.add(new Object[] {personIds.get(i), n.caseNumber(), n.court(), n.offence(), n.years(), n.months(),
                    n.days(), n.startDate(), n.mode(), 0L, n.imposedOn(), actor.account(), now});
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("caseNumber", n.caseNumber());
            payload.put("court", n.court());
            payload.put("offence", n.offence());
            payload.put("term", Map.of("years", n.years(), "months", n.months(), "days", n.days()));
            payload.put("startDate", n.startDate());
            payload.put("mode", n.mode());
            payload.put("imposedOn", n.imposedOn());
            events.add(new LedgerEvent(facilities.get(i), personIds.get(i), "SENTENCE_RECORDED", payload, actor, now));
        }
        bulk.copy("""
                copy sentence (person_id, case_number, court, offence, years, months, days, start_date, mode,
                               remand_credit_days, imposed_on, recorded_by, recorded_at) from stdin""",
                sink -> rows.forEach(sink::row));
        ledger.appendAll(events);
    }

    @Transactional(readOnly = true)
    public Sentences sentences(long personId, Official official) {
        people.find(personId, official);
        return sentences(personId);
    }

    private Sentences sentences(long personId) {
        List<Sentence> list = list(personId);
        return new Sentences(personId, list, SentenceCalculator.calculate(list));
    }

    private List<Sentence> list(long personId) {
        return client.sql("""
                        select id, case_number, court, offence, years, months, days, start_date, mode, follows,
                               remand_credit_days, imposed_on from sentence where person_id = ? order by id""")
                .param(personId).query(SentenceService::row).list();
    }

    private Map<String, String> validate(NewSentence n, List<Sentence> existing) {
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "caseNumber", n.caseNumber(), 100);
        Texts.require(e, "court", n.court(), 200);
        Texts.require(e, "offence", n.offence(), 300);
        if (n.years() == null || n.months() == null || n.days() == null || n.years() < 0 || n.months() < 0
                || n.months() > 11 || n.days() < 0 || n.days() > 30) {
            e.put("term", "years (0 or more), months (0-11) and days (0-30) are required");
        } else {
            Term t = new Term(n.years(), n.months(), n.days());
            if (t.totalMonths() < rules.singleTermMinMonths()
                    || t.totalMonths() > rules.singleTermMaxYears() * 12L
                    || (t.totalMonths() == rules.singleTermMaxYears() * 12L && t.days() > 0)) {
                e.put("term", "SV-CP-45: a single prison term runs from " + rules.singleTermMinMonths()
                        + " months to " + rules.singleTermMaxYears() + " years");
            }
        }
        if (n.mode() == null) {
            e.put("mode", "required: CONCURRENT or CONSECUTIVE");
        }
        LocalDate today = LocalDate.now(clock);
        if (n.startDate() == null || n.startDate().isBefore(LocalDate.of(1900, 1, 1))
                || n.startDate().isAfter(today.plusYears(1))) {
            e.put("startDate", "required, a real date");
        }
        if (n.imposedOn() == null || n.imposedOn().isAfter(today) || n.imposedOn().isBefore(LocalDate.of(1900, 1, 1))) {
            e.put("imposedOn", "required, not in the future");
        }
        if (n.remandCreditDays() != null && (n.remandCreditDays() < 0 || n.remandCreditDays() > 365L * 100)) {
            e.put("remandCreditDays", "never negative");
        }
        if (n.follows() != null) {
            if (n.mode() != SentenceMode.CONSECUTIVE) {
                e.put("follows", "only a consecutive sentence follows another");
            } else if (existing.stream().noneMatch(s -> s.id() == n.follows())) {
                e.put("follows", "no such sentence for this person");
            }
        }
        return e;
    }

    private static Sentence row(ResultSet rs, int n) throws SQLException {
        return new Sentence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Term(rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getDate(8).toLocalDate(),
                SentenceMode.valueOf(rs.getString(9)), rs.getObject(10, Long.class), rs.getLong(11),
                rs.getDate(12).toLocalDate());
    }
}
