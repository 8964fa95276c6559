package org.custodia.health;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MANDELA-30: every stay opens a reception screening, owed within {@code screeningHours} of admission (the stay
 * itself is the open task, so a batch of 10,000 admissions opens 10,000 tasks with nothing else written). The
 * screening records health needs, self-harm risk, contagious disease, fitness for work and, under MANDELA-34, every
 * injury and sign of ill-treatment with the person's account. The clinical content stays in the clinical record;
 * the ledger carries whether injuries or signs of ill-treatment were documented, and the note's SHA-256.
 */
@Service
public class ScreeningService {
    public enum Outcome { COMPLETED, REFUSED }

    public enum Risk { NONE, LOW, HIGH }

    public record Injury(@NotBlank(groups = Required.class, message = "required") @Text(max = 100) String bodyPart,
                         @NotBlank(groups = Required.class, message = "required") @Text(max = 500, multiline = true)
                         String description) {
    }

    public record NewScreening(@NotNull(groups = Required.class, message = "required") Outcome outcome,
                               @Text(max = 2000, multiline = true) String physicalHealth,
                               @Text(max = 2000, multiline = true) String mentalHealth,
                               @Text(max = 1000, multiline = true) String substanceUse,
                               Risk selfHarmRisk,
                               Boolean contagiousDisease,
                               @Size(max = 50) @Valid List<@NotNull Injury> injuries,
                               Boolean illTreatmentSigns,
                               @Text(max = 4000, multiline = true) String personsAccount,
                               Boolean fitForWork,
                               @Text(max = 4000, multiline = true) String notes,
                               @Moment(daysBack = 3) Instant screenedAt) {
    }

    public record Screening(long id, long personId, long bookingId, String facilityCode, Outcome outcome,
                            boolean injuries, boolean illTreatmentSigns, String screenedBy, Instant screenedAt,
                            String noteSha256) {
    }

    /** A stay whose screening is owed: {@code overdue} once the screening hours have passed. */
    public record Unscreened(long personId, String name, long bookingId, String facilityCode, Instant admittedAt,
                             Instant dueBy, boolean overdue) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final ClinicalNotes notes;
    private final FitnessService fitness;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final HealthRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScreeningService(JdbcClient client, PeopleService people, EstateService estate, ClinicalNotes notes,
                     FitnessService fitness, LedgerService ledger, RecordCheck check, HealthRules rules,
                     Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.notes = notes;
        this.fitness = fitness;
        this.ledger = ledger;
        this.check = check;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Screening record(long personId, NewScreening s, Official official) {
        PersonRecord p = people.held(personId, official);
        check.require(s, "The screening was not recorded");
        boolean completed = s.outcome() == Outcome.COMPLETED;
        if (completed && (s.selfHarmRisk() == null || s.contagiousDisease() == null || s.illTreatmentSigns() == null
                || s.fitForWork() == null)) {
            throw new InvalidRequestException("A completed screening answers every question; nothing was recorded",
                    Map.of("selfHarmRisk", "required", "contagiousDisease", "required", "illTreatmentSigns",
                            "required", "fitForWork", "required"));
        }
        List<Injury> injuries = s.injuries() == null ? List.of() : s.injuries();
        boolean signs = Boolean.TRUE.equals(s.illTreatmentSigns());
        if (signs && (s.personsAccount() == null || s.personsAccount().isBlank()) && injuries.isEmpty()) {
            throw new InvalidRequestException("personsAccount",
                    "MANDELA-34: signs of ill-treatment are documented: the injuries or the person's account");
        }
        long booking = p.current().id();
        String facility = p.current().facilityCode();
        if (client.sql("select count(*) from health_screening where booking_id = ?").param(booking)
                .query(Long.class).single() > 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This stay's reception screening is recorded");
        }
        Instant now = clock.instant();
        Instant at = s.screenedAt() == null ? now : s.screenedAt();
        if (at.isBefore(p.current().admittedAt())) {
            throw new InvalidRequestException("screenedAt", "on or after the admission");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("outcome", s.outcome());
        content.put("physicalHealth", s.physicalHealth());
        content.put("mentalHealth", s.mentalHealth());
        content.put("substanceUse", s.substanceUse());
        content.put("selfHarmRisk", s.selfHarmRisk());
        content.put("contagiousDisease", s.contagiousDisease());
        content.put("injuries", injuries.stream().map(i -> Map.of("bodyPart", i.bodyPart().strip(),
                "description", i.description().strip())).toList());
        content.put("illTreatmentSigns", s.illTreatmentSigns());
        content.put("personsAccount", s.personsAccount());
        content.put("fitForWork", s.fitForWork());
        content.put("notes", s.notes());
        ClinicalNotes.Stored note = notes.add(personId, facility, ClinicalNotes.Kind.SCREENING, content, official, at);
        long id = client.sql("""
                        insert into health_screening (booking_id, person_id, facility_code, outcome, injuries,
                                                      ill_treatment_signs, screened_by, screened_at, note_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(booking, personId, facility, s.outcome().name(), !injuries.isEmpty(), signs,
                        official.username(), Timestamp.from(at), note.id())
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("screening", id);
        payload.put("booking", booking);
        payload.put("outcome", s.outcome());
        payload.put("injuriesDocumented", !injuries.isEmpty());
        payload.put("illTreatmentSigns", signs);
        payload.put("hoursAfterAdmission", Duration.between(p.current().admittedAt(), at).toHours());
        payload.put("noteSha256", note.sha256());
        ledger.append(new LedgerEvent(facility, personId, "HEALTH_SCREENED", payload, Actor.of(official), at));
        if (signs) {
            events.publishEvent(new IllTreatmentDocumented(personId, id, official, at));
        }
        if (s.fitForWork() != null) {
            fitness.decide(personId, facility, FitnessService.Kind.WORK, s.fitForWork(), null, official, at);
        }
        return new Screening(id, personId, booking, facility, s.outcome(), !injuries.isEmpty(), signs,
                official.username(), at, note.sha256());
    }

    /** Stays in the official's scope still owed their screening (since the facility keeps clinical records here). */
    @Transactional(readOnly = true)
    public Page<Unscreened> unscreened(String facility, boolean overdueOnly, int page, int size, Official official) {
        if (facility != null) {
            estate.requireVisible(facility, official);
        }
        Instant now = clock.instant();
        Instant overdueBefore = now.minus(Duration.ofHours(rules.screeningHours()));
        String where = """
                  from people_in_custody b
                  left join clinical_records_since c on c.facility_code = b.facility_code
                 where not exists (select 1 from health_screening s where s.booking_id = b.booking_id)
                   and (c.since is null or b.admitted_at >= c.since)
                   and (cast(? as text) is null or b.facility_code = ?)
                   and (? or b.facility_code = any(?))
                   and (not ? or b.admitted_at < ?)""";
        Object[] params = {facility, facility, official.national(), official.facilityArray(), overdueOnly,
                Timestamp.from(overdueBefore)};
        long total = client.sql("select count(*) " + where).params(params).query(Long.class).single();
        List<Unscreened> items = client.sql("""
                        select b.person_id, b.given_names, b.first_surname, b.second_surname, b.booking_id,
                               b.facility_code, b.admitted_at
                        """ + where + " order by b.admitted_at, b.booking_id limit ? offset ?")
                .params(Ordered.params(params, size, Page.offset(page, size)))
                .query((rs, i) -> {
                    Instant admitted = rs.getTimestamp(7).toInstant();
                    Instant due = admitted.plus(Duration.ofHours(rules.screeningHours()));
                    return new Unscreened(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3),
                            rs.getString(4)), rs.getLong(5), rs.getString(6), admitted, due, due.isBefore(now));
                })
                .list();
        return new Page<>(items, page, size, total);
    }
}
