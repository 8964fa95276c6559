package org.custodia.legal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Court dates (in person, or virtual from one of the facility's hearing rooms, which cannot be booked twice at
 * once), their outcomes, and legal representation (MANDELA-8, MANDELA-61). Each is a ledger entry.
 */
@Service
public class HearingService {
    public enum Mode { IN_PERSON, VIRTUAL }

    public record NewHearing(@Text(max = 300) String caseNumber,
                             @Text(max = 200) String court,
                             @Moment(daysBack = 366, daysAhead = 1830) Instant scheduledAt,
                             @Min(1) @Max(1440) Integer durationMinutes,
                             Mode mode,
                             Long hearingRoomId) {
    }

    public record Hearing(long id, String caseNumber, String court, Instant scheduledAt, int durationMinutes,
                          Mode mode, Long hearingRoomId, String hearingRoom, String outcome, String outcomeBy,
                          Instant outcomeAt) {
    }

    public record NewRepresentation(@Text(max = 200) String lawyerName,
                                    @Text(max = 100) String kind,
                                    @Text(max = 100) String barNumber,
                                    @Text(max = 300) String contact,
                                    @Day LocalDate since) {
    }

    public record Representation(long id, String lawyerName, String kind, String barNumber, String contact,
                                 LocalDate since, String recordedBy) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;

    HearingService(JdbcClient client, PeopleService people, EstateService estate, LedgerService ledger, Clock clock) {
        this.client = client;
        this.people = people;
        this.estate = estate;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Hearing schedule(long personId, NewHearing h, Official official) {
        PersonRecord p = InCustody.require(people, personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "caseNumber", h.caseNumber(), 100);
        Texts.require(e, "court", h.court(), 200);
        Instant now = clock.instant();
        if (h.scheduledAt() == null || h.scheduledAt().isBefore(now.minus(1, ChronoUnit.DAYS))) {
            e.put("scheduledAt", "required, not in the past");
        }
        int minutes = h.durationMinutes() == null ? 60 : h.durationMinutes();
        if (minutes < 10 || minutes > 600) {
            e.put("durationMinutes", "10 to 600");
        }
        if (h.mode() == null) {
            e.put("mode", "IN_PERSON or VIRTUAL");
        }
        Location room = null;
        if (h.mode() == Mode.VIRTUAL) {
            room = h.hearingRoomId() == null ? null : estate.location(h.hearingRoomId())
                    .filter(l -> l.kind() == LocationKind.HEARING_ROOM
                            && l.facilityCode().equals(p.current().facilityCode()))
                    .orElse(null);
            if (room == null) {
                e.put("hearingRoomId", "a virtual hearing books one of the facility's hearing rooms");
            }
        } else if (h.hearingRoomId() != null) {
            e.put("hearingRoomId", "only a virtual hearing books a hearing room");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The hearing cannot be scheduled; nothing was changed", e);
        }
        if (room != null) {
            // One booking at a time per room: serialise on the room, then look for an overlap.
            client.sql("select pg_advisory_xact_lock(?)").param(room.id()).query().listOfRows();
            Instant end = h.scheduledAt().plus(minutes, ChronoUnit.MINUTES);
            long clashes = client.sql("""
                            select count(*) from hearing where hearing_room_id = ? and scheduled_at < ?
                               and scheduled_at + make_interval(mins => duration_minutes) > ?""")
                    .params(room.id(), Timestamp.from(end), Timestamp.from(h.scheduledAt()))
                    .query(Long.class).single();
            if (clashes > 0) {
                throw new ConflictException("Hearing room " + room.code() + " is already booked at that time");
            }
        }
        long id = client.sql("""
                        insert into hearing (person_id, case_number, court, scheduled_at, duration_minutes, mode,
                                             hearing_room_id, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, h.caseNumber().strip(), h.court().strip(), Timestamp.from(h.scheduledAt()), minutes,
                        h.mode().name(), room == null ? null : room.id(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("hearing", id);
        payload.put("caseNumber", h.caseNumber().strip());
        payload.put("court", h.court().strip());
        payload.put("scheduledAt", h.scheduledAt());
        payload.put("durationMinutes", minutes);
        payload.put("mode", h.mode());
        payload.put("hearingRoom", room == null ? null : room.code());
        ledger.append(new LedgerEvent(p.current().facilityCode(), personId, "HEARING_SCHEDULED", payload,
                Actor.of(official), now));
        return hearings(personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Hearing recordOutcome(long hearingId, String outcome, Official official) {
        Long personId = client.sql("select person_id from hearing where id = ? for update").param(hearingId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("No hearing " + hearingId));
        PersonRecord p = people.find(personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "outcome", outcome, 2000);
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The outcome cannot be recorded; nothing was changed", e);
        }
        if (client.sql("select outcome is not null from hearing where id = ?").param(hearingId).query(Boolean.class)
                .single()) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "The outcome of hearing " + hearingId + " is already recorded");
        }
        Instant now = clock.instant();
        client.sql("update hearing set outcome = ?, outcome_by = ?, outcome_at = ? where id = ?")
                .params(outcome.strip(), official.username(), Timestamp.from(now), hearingId).update();
        String chain = p.current() != null ? p.current().facilityCode() : p.bookings().getFirst().facilityCode();
        ledger.append(new LedgerEvent(chain, personId, "HEARING_OUTCOME_RECORDED",
                Map.of("hearing", hearingId, "outcome", outcome.strip()), Actor.of(official), now));
        return hearings(personId).stream().filter(x -> x.id() == hearingId).findFirst().orElseThrow();
    }

    @Transactional
    public Representation represent(long personId, NewRepresentation r, Official official) {
        PersonRecord p = InCustody.require(people, personId, official);
        Map<String, String> e = new LinkedHashMap<>();
        Texts.require(e, "lawyerName", r.lawyerName(), 200);
        if (r.kind() == null || !List.of("PRIVATE", "PUBLIC_DEFENDER").contains(r.kind())) {
            e.put("kind", "PRIVATE or PUBLIC_DEFENDER");
        }
        if (r.since() == null || r.since().isAfter(LocalDate.now(clock))) {
            e.put("since", "required, not in the future");
        }
        if (r.barNumber() != null && r.barNumber().length() > 50) {
            e.put("barNumber", "at most 50 characters");
        }
        if (r.contact() != null && r.contact().length() > 300) {
            e.put("contact", "at most 300 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The representation cannot be recorded; nothing was changed", e);
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into legal_representation (person_id, lawyer_name, kind, bar_number, contact, since,
                                                          recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, r.lawyerName().strip(), r.kind(), r.barNumber(), r.contact(), Date.valueOf(r.since()),
                        official.username(), Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("representation", id);
        payload.put("lawyerName", r.lawyerName().strip());
        payload.put("kind", r.kind());
        payload.put("barNumber", r.barNumber());
        payload.put("since", r.since());
        ledger.append(new LedgerEvent(p.current().facilityCode(), personId, "REPRESENTATION_RECORDED", payload,
                Actor.of(official), now));
        return representation(personId).getLast();
    }

    @Transactional(readOnly = true)
    public List<Hearing> hearings(long personId, Official official) {
        people.find(personId, official);
        return hearings(personId);
    }

    @Transactional(readOnly = true)
    public List<Representation> representation(long personId, Official official) {
        people.find(personId, official);
        return representation(personId);
    }

    private List<Hearing> hearings(long personId) {
        return client.sql("""
                        select id, case_number, court, scheduled_at, duration_minutes, mode, hearing_room_id, outcome,
                               outcome_by, outcome_at from hearing where person_id = ? order by scheduled_at, id""")
                .param(personId)
                .query((rs, n) -> {
                    Long room = rs.getObject(7, Long.class);
                    Timestamp at = rs.getTimestamp(10);
                    return new Hearing(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getInt(5), Mode.valueOf(rs.getString(6)), room,
                            room == null ? null : estate.location(room).map(Location::code).orElse(null),
                            rs.getString(8), rs.getString(9), at == null ? null : at.toInstant());
                })
                .list();
    }

    private List<Representation> representation(long personId) {
        return client.sql("""
                        select id, lawyer_name, kind, bar_number, contact, since, recorded_by
                          from legal_representation where person_id = ? order by id""")
                .param(personId)
                .query((rs, n) -> new Representation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7)))
                .list();
    }

}
