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
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.custodia.platform.Sha256;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's clinical record as health staff read and add to it; its disclosure to the person on request
 * (MANDELA-9: their own file), recorded with the SHA-256 of what was handed over; and from when a facility keeps
 * clinical records here (stays before that are not owed a screening record).
 */
@Service
public class ClinicalRecords {
    /** Notes health staff add outside a screening or a sick call. */
    public enum NoteKind { CONSULTATION, NOTE }

    public record NewNote(@NotNull(groups = Required.class, message = "required") NoteKind kind,
                          @NotBlank(groups = Required.class, message = "required")
                          @Text(max = 8000, multiline = true) String text) {
    }

    public record Since(@NotNull(groups = Required.class, message = "required") @Moment(daysBack = 36_500)
                        Instant since) {
    }

    /** What the person was given: every note, and the SHA-256 over the notes' own hashes in order. */
    public record Disclosure(long personId, int notes, String sha256, Instant disclosedAt, List<ClinicalNote> record) {
    }

    static final int DISCLOSURE_LIMIT = 10_000;

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final ClinicalNotes notes;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    ClinicalRecords(JdbcClient client, PeopleService people, EstateService estate, ClinicalNotes notes,
                    LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.notes = notes;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ClinicalNote> read(long personId, int page, int size, Official official) {
        people.find(personId, official);
        return new Page<>(notes.of(personId, page, size), page, size, notes.count(personId));
    }

    @Transactional
    public ClinicalNote add(long personId, NewNote n, Official official) {
        PersonRecord p = people.held(personId, official);
        check.require(n, "The note was not added");
        Instant now = clock.instant();
        String facility = p.current().facilityCode();
        ClinicalNotes.Kind kind = ClinicalNotes.Kind.valueOf(n.kind().name());
        ClinicalNotes.Stored s = notes.add(personId, facility, kind, Map.of("text", n.text().strip()), official, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("note", s.id());
        payload.put("kind", kind);
        payload.put("noteSha256", s.sha256());
        ledger.append(new LedgerEvent(facility, personId, "CLINICAL_NOTE_ADDED", payload, Actor.of(official), now));
        return notes.of(personId, 0, 1).getFirst();
    }

    /** The person asked for their own clinical record: it is handed over whole, and that is recorded. */
    @Transactional
    public Disclosure disclose(long personId, Official official) {
        PersonRecord p = people.find(personId, official);
        String facility = p.bookings().getFirst().facilityCode();
        List<ClinicalNote> all = notes.of(personId, 0, DISCLOSURE_LIMIT);
        StringBuilder hashes = new StringBuilder();
        all.reversed().forEach(n -> hashes.append(n.sha256()).append('\n'));
        String sha = Sha256.hex(hashes.toString());
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notes", all.size());
        payload.put("sha256", sha);
        ledger.append(new LedgerEvent(facility, personId, "CLINICAL_RECORD_DISCLOSED", payload, Actor.of(official),
                now));
        return new Disclosure(personId, all.size(), sha, now, all.reversed());
    }

    /** Set once per facility, by command; never moved later (it would hide stays owed a screening). */
    @Transactional
    public Since since(String facility, Since s, Official official) {
        estate.requireVisible(facility, official);
        check.require(s, "Nothing was set");
        Instant now = clock.instant();
        if (s.since().isAfter(now)) {
            throw new InvalidRequestException("since", "not in the future");
        }
        int set = client.sql("""
                        insert into clinical_records_since (facility_code, since, set_by, set_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(facility, Timestamp.from(s.since()), official.username(), Timestamp.from(now)).update();
        if (set == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "This facility's clinical records already have a start");
        }
        ledger.append(new LedgerEvent(facility, null, "CLINICAL_RECORDS_SINCE", Map.of("since", s.since()),
                Actor.of(official), now));
        return s;
    }
}
