package org.custodia.health;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * MANDELA-33: health staff report to the director when continued detention or its conditions harm a person's
 * health (food, water, space, sanitation, solitary confinement, violence, restraint); the director answers, and
 * both are kept. Written for the director: health staff, command and the inspector read them; the ledger carries
 * the condition and the SHA-256 of each text. Unanswered reports are counted in the health figures.
 */
@Service
public class HealthReports {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Condition { FOOD, WATER, SPACE, SANITATION, SOLITARY, VIOLENCE, RESTRAINT, OTHER }

    public record NewReport(@NotNull(groups = Required.class, message = "required") Long personId,
                            @NotNull(groups = Required.class, message = "required") Condition condition,
                            @NotBlank(groups = Required.class, message = "required")
                            @Text(max = 4000, multiline = true) String concern) {
    }

    public record Answer(@NotBlank(groups = Required.class, message = "required")
                         @Text(max = 4000, multiline = true) String answer) {
    }

    public record Report(long id, long personId, String name, String facilityCode, Condition condition,
                         String concern, String madeBy, Instant madeAt, String answer, String answeredBy,
                         Instant answeredAt) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final ClinicalNotes notes;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    HealthReports(JdbcClient client, PeopleService people, EstateService estate, ClinicalNotes notes,
                  LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.notes = notes;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional
    public Report make(NewReport r, Official official) {
        check.require(r, "The report was not made");
        PersonRecord p = people.held(r.personId(), official);
        String facility = p.current().facilityCode();
        Instant now = clock.instant();
        ClinicalNotes.Stored note = notes.add(r.personId(), facility, ClinicalNotes.Kind.REPORT,
                Map.of("condition", r.condition(), "concern", r.concern().strip()), official, now);
        long id = client.sql("""
                        insert into health_report (person_id, facility_code, condition, note_id, made_by, made_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(r.personId(), facility, r.condition().name(), note.id(), official.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("report", id);
        payload.put("condition", r.condition());
        payload.put("concernSha256", note.sha256());
        ledger.append(new LedgerEvent(facility, r.personId(), "HEALTH_REPORT_MADE", payload, Actor.of(official),
                now));
        return find(id, official);
    }

    @Transactional
    public Report answer(long id, Answer a, Official official) {
        client.sql("select id from health_report where id = ? for update").param(id).query(Long.class).optional();
        Report r = find(id, official);
        check.require(a, "Nothing was answered");
        if (r.answeredAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This report is answered");
        }
        Instant now = clock.instant();
        ClinicalNotes.Stored note = notes.add(r.personId(), r.facilityCode(), ClinicalNotes.Kind.ANSWER,
                Map.of("report", id, "answer", a.answer().strip()), official, now);
        client.sql("update health_report set answer_note_id = ?, answered_by = ?, answered_at = ? where id = ?")
                .params(note.id(), official.username(), Timestamp.from(now), id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("report", id);
        payload.put("daysToAnswer", java.time.Duration.between(r.madeAt(), now).toDays());
        payload.put("answerSha256", note.sha256());
        ledger.append(new LedgerEvent(r.facilityCode(), r.personId(), "HEALTH_REPORT_ANSWERED", payload,
                Actor.of(official), now));
        return find(id, official);
    }

    @Transactional(readOnly = true)
    public Report find(long id, Official official) {
        return query("h.id = ?", new Object[] {id}, 1, 0).stream().filter(r -> official.sees(r.facilityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException("No health report " + id));
    }

    @Transactional(readOnly = true)
    public Page<Report> list(String facility, Boolean unanswered, int page, int size, Official official) {
        if (facility != null) {
            estate.requireVisible(facility, official);
        }
        String where = """
                (cast(? as text) is null or h.facility_code = ?) and (? or h.facility_code = any(?))
                and (cast(? as boolean) is null or (h.answered_at is null) = ?)""";
        Object[] params = {facility, facility, official.national(), official.facilityArray(), unanswered,
                unanswered};
        long total = client.sql("select count(*) from health_report h where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(query(where + " order by h.made_at desc, h.id desc", params, size,
                Page.offset(page, size)), page, size, total);
    }

    private List<Report> query(String where, Object[] params, int limit, long offset) {
        return client.sql("""
                        select h.id, h.person_id, n.given_names, n.first_surname, n.second_surname, h.facility_code,
                               h.condition, c.content, h.made_by, h.made_at, a.content, h.answered_by, h.answered_at
                          from health_report h join people_name n on n.person_id = h.person_id
                          join clinical_note c on c.id = h.note_id
                          left join clinical_note a on a.id = h.answer_note_id
                        """ + " where " + where + " limit ? offset ?")
                .params(Ordered.params(params, limit, offset))
                .query((rs, i) -> new Report(rs.getLong(1), rs.getLong(2), PeopleService.fullName(rs.getString(3),
                        rs.getString(4), rs.getString(5)), rs.getString(6), Condition.valueOf(rs.getString(7)),
                        field(rs.getString(8), "concern"), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        field(rs.getString(11), "answer"), rs.getString(12),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant()))
                .list();
    }

    static String field(String json, String name) {
        return json == null ? null : JSON.readTree(json).path(name).asString();
    }
}
