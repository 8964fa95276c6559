package org.custodia.oversight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.custodia.accounts.AccountService;
import org.custodia.estate.EstateService;
import org.custodia.health.IllTreatmentDocumented;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.people.CustodyMovements;
import org.custodia.people.EvidenceHold;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Ordered;
import org.custodia.platform.Page;
import org.custodia.platform.Sha256;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The independent-report workflow. Reporting a case notifies the independent authority in the same transaction:
 * the case is on the inspector's list from that moment, with the time it was reported; a death also ends the stay
 * and holds the person's records as evidence. Officials named as involved are refused (403) every read and action
 * on the case and never see it in a list; the refusal is in the access log.
 */
@Service
public class SeriousCases implements EvidenceHold {
    public enum Kind { DEATH, SERIOUS_INJURY, ILL_TREATMENT }

    public enum Source { STAFF_REPORT, HEALTH_SCREENING, COMPLAINT, OTHER }

    public record NewCase(@NotNull(groups = Required.class, message = "required") Kind kind,
                          @NotNull(groups = Required.class, message = "required") Long personId,
                          @NotNull(groups = Required.class, message = "required") @Moment(daysBack = 3660)
                          Instant occurredAt,
                          @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String place,
                          @NotBlank(groups = Required.class, message = "required")
                          @Text(max = 8000, multiline = true) String circumstances,
                          @Text(max = 500) String knownCause,
                          @Text(max = 200) String foundBy,
                          Source source,
                          @Size(max = 50) List<@NotBlank @Text(max = 100) String> involvedStaff) {
    }

    public record NextOfKin(@NotBlank(groups = Required.class, message = "required") @Text(max = 300) String nextOfKin,
                            @NotNull(groups = Required.class, message = "required") @Moment(daysBack = 60)
                            Instant notifiedAt) {
    }

    public record Remains(@NotBlank(groups = Required.class, message = "required") @Text(max = 500) String destination,
                          @NotNull(groups = Required.class, message = "required") @Moment(daysBack = 60) Instant at) {
    }

    public record Cause(@NotBlank(groups = Required.class, message = "required") @Text(max = 1000) String cause,
                        @NotBlank(groups = Required.class, message = "required") @Text(max = 300) String establishedBy) {
    }

    public record Addition(@NotBlank(groups = Required.class, message = "required")
                           @Text(max = 8000, multiline = true) String text) {
    }

    public record Case(long id, Kind kind, long personId, String name, String facilityCode, Instant occurredAt,
                       String place, String circumstances, String knownCause, String foundBy, Source source,
                       String reportedBy, Instant reportedAt, String acknowledgedBy, Instant acknowledgedAt,
                       String nextOfKin, Instant nextOfKinNotifiedAt, String remainsDestination, Instant remainsAt,
                       String cause, String causeEstablishedBy, List<String> involvedStaff,
                       List<String> additions) {
    }

    private final JdbcClient client;
    private final PeopleService people;
    private final CustodyMovements custody;
    private final EstateService estate;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final Clock clock;

    SeriousCases(JdbcClient client, PeopleService people, CustodyMovements custody, EstateService estate,
                 AccountService accounts, LedgerService ledger, RecordCheck check, Clock clock) {
        this.client = client;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.accounts = accounts;
        this.ledger = ledger;
        this.check = check;
        this.clock = clock;
    }

    @Override
    public boolean held(long personId) {
        return client.sql("select count(*) from serious_case where person_id = ? and kind = 'DEATH'")
                .param(personId).query(Long.class).single() > 0;
    }

    @Transactional
    public Case report(NewCase c, Official official) {
        check.require(c, "Nothing was reported");
        Instant now = clock.instant();
        if (c.occurredAt().isAfter(now)) {
            throw new InvalidRequestException("occurredAt", "not in the future");
        }
        PersonRecord p;
        if (c.kind() == Kind.DEATH) {
            p = people.held(c.personId(), official);
            if (c.foundBy() == null || c.foundBy().isBlank()) {
                throw new InvalidRequestException("foundBy", "required for a death: who found the person");
            }
            if (Duration.between(c.occurredAt(), now).toDays() > 2) {
                throw new InvalidRequestException("occurredAt", "a death is reported without delay (MANDELA-71)");
            }
        } else {
            p = people.find(c.personId(), official);
        }
        TreeSet<String> involved = new TreeSet<>(c.involvedStaff() == null ? List.of() : c.involvedStaff());
        for (String u : involved) {
            if (!accounts.exists(u)) {
                throw new InvalidRequestException("involvedStaff", "no account " + u);
            }
        }
        String facility = p.bookings().getFirst().facilityCode();
        Source source = c.source() == null ? Source.STAFF_REPORT : c.source();
        long id = client.sql("""
                        insert into serious_case (kind, person_id, facility_code, occurred_at, place, circumstances,
                                                  known_cause, found_by, source, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.kind().name(), c.personId(), facility, Timestamp.from(c.occurredAt()), c.place().strip(),
                        c.circumstances().strip(), blankToNull(c.knownCause()), blankToNull(c.foundBy()),
                        source.name(), official.username(), Timestamp.from(now))
                .query(Long.class).single();
        involved.forEach(u -> client.sql("insert into serious_case_staff (case_id, username) values (?, ?)")
                .params(id, u).update());
        ledger.append(new LedgerEvent(facility, c.personId(), "SERIOUS_CASE_REPORTED", Ordered.map("case", id,
                "kind", c.kind(), "occurredAt", c.occurredAt(), "place", c.place().strip(), "source", source,
                "notified", "INSPECTOR", "involvedStaff", List.copyOf(involved), "circumstancesSha256",
                Sha256.hex(c.circumstances().strip())), Actor.of(official), now));
        if (c.kind() == Kind.DEATH) {
            custody.releaseOnDeath(c.personId(), "Muerte en custodia, caso " + id, official);
        }
        return find(id, official);
    }

    /** Opened by the health module's screening when it documents signs of ill-treatment (MANDELA-34). */
    @EventListener
    void on(IllTreatmentDocumented e) {
        reportFromScreening(e.personId(), e.screeningId(), e.official(), e.at());
    }

    private void reportFromScreening(long personId, long screeningId, Official official, Instant at) {
        PersonRecord p = people.find(personId, official);
        long id = client.sql("""
                        insert into serious_case (kind, person_id, facility_code, occurred_at, place, circumstances,
                                                  source, reported_by, reported_at)
                        values ('ILL_TREATMENT', ?, ?, ?, ?, ?, 'HEALTH_SCREENING', ?, ?) returning id""")
                .params(personId, p.bookings().getFirst().facilityCode(), Timestamp.from(at),
                        "Examen de ingreso", "Señales de malos tratos documentadas en el examen de ingreso "
                                + screeningId + " (el detalle clínico está en el expediente clínico)",
                        official.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        ledger.append(new LedgerEvent(p.bookings().getFirst().facilityCode(), personId, "SERIOUS_CASE_REPORTED",
                Ordered.map("case", id, "kind", Kind.ILL_TREATMENT, "source", Source.HEALTH_SCREENING, "screening",
                        screeningId, "notified", "INSPECTOR"), Actor.of(official), clock.instant()));
    }

    @Transactional
    public Case acknowledge(long id, Official official) {
        Case c = lock(id, official);
        if (c.acknowledgedAt() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "The case is acknowledged");
        }
        Instant now = clock.instant();
        client.sql("update serious_case set acknowledged_by = ?, acknowledged_at = ? where id = ?")
                .params(official.username(), Timestamp.from(now), id).update();
        event(c, "SERIOUS_CASE_ACKNOWLEDGED", Ordered.map("case", id, "minutesAfterReport",
                Duration.between(c.reportedAt(), now).toMinutes()), official);
        return find(id, official);
    }

    @Transactional
    public Case nextOfKin(long id, NextOfKin n, Official official) {
        Case c = lock(id, official);
        check.require(n, "Nothing was recorded");
        if (c.kind() == Kind.ILL_TREATMENT) {
            throw new InvalidRequestException("kind", "the next of kin are told of a death or a serious injury");
        }
        if (n.notifiedAt().isBefore(c.occurredAt())) {
            throw new InvalidRequestException("notifiedAt", "after the death or injury");
        }
        client.sql("update serious_case set next_of_kin = ?, next_of_kin_notified_at = ?, next_of_kin_by = ? "
                        + "where id = ?")
                .params(n.nextOfKin().strip(), Timestamp.from(n.notifiedAt()), official.username(), id).update();
        event(c, "SERIOUS_CASE_NEXT_OF_KIN", Ordered.map("case", id, "notifiedAt", n.notifiedAt(),
                "hoursAfter", Duration.between(c.occurredAt(), n.notifiedAt()).toHours()), official);
        return find(id, official);
    }

    @Transactional
    public Case remains(long id, Remains r, Official official) {
        Case c = lock(id, official);
        check.require(r, "Nothing was recorded");
        if (c.kind() != Kind.DEATH) {
            throw new InvalidRequestException("kind", "the remains of a death");
        }
        client.sql("update serious_case set remains_destination = ?, remains_at = ? where id = ?")
                .params(r.destination().strip(), Timestamp.from(r.at()), id).update();
        event(c, "SERIOUS_CASE_REMAINS", Ordered.map("case", id, "destination", r.destination().strip(), "at",
                r.at()), official);
        return find(id, official);
    }

    @Transactional
    public Case cause(long id, Cause k, Official official) {
        Case c = lock(id, official);
        check.require(k, "Nothing was recorded");
        client.sql("update serious_case set cause = ?, cause_established_by = ?, cause_at = ? where id = ?")
                .params(k.cause().strip(), k.establishedBy().strip(), Timestamp.from(clock.instant()), id).update();
        event(c, "SERIOUS_CASE_CAUSE", Ordered.map("case", id, "cause", k.cause().strip(), "establishedBy",
                k.establishedBy().strip()), official);
        return find(id, official);
    }

    @Transactional
    public Case add(long id, Addition a, Official official) {
        Case c = lock(id, official);
        check.require(a, "Nothing was added");
        client.sql("insert into serious_case_addition (case_id, text, added_by, added_at) values (?, ?, ?, ?)")
                .params(id, a.text().strip(), official.username(), Timestamp.from(clock.instant())).update();
        event(c, "SERIOUS_CASE_ADDITION", Ordered.map("case", id, "textSha256", Sha256.hex(a.text().strip())),
                official);
        return find(id, official);
    }

    /** The case, unless it is out of scope (404) or the official is named as involved in it (403). */
    @Transactional(readOnly = true)
    public Case find(long id, Official official) {
        Case c = query("c.id = ?", new Object[] {id}, 1, 0).stream().filter(k -> official.sees(k.facilityCode()))
                .findFirst().orElseThrow(() -> new NotFoundException("No case " + id));
        if (c.involvedStaff().contains(official.username())) {
            throw new AccessDeniedException("named as involved in case " + id);
        }
        return c;
    }

    /** Cases in scope, newest first; a case naming the official as involved is left out. */
    @Transactional(readOnly = true)
    public Page<Case> list(String facility, Kind kind, Boolean unacknowledged, int page, int size,
                           Official official) {
        if (facility != null) {
            estate.requireVisible(facility, official);
        }
        String where = """
                (cast(? as text) is null or c.facility_code = ?) and (? or c.facility_code = any(?))
                and (cast(? as text) is null or c.kind = ?)
                and (cast(? as boolean) is null or (c.acknowledged_at is null) = ?)
                and not exists (select 1 from serious_case_staff s where s.case_id = c.id and s.username = ?)""";
        String k = kind == null ? null : kind.name();
        Object[] params = {facility, facility, official.national(), official.facilityArray(), k, k, unacknowledged,
                unacknowledged, official.username()};
        long total = client.sql("select count(*) from serious_case c where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(query(where, params, size, Page.offset(page, size)), page, size, total);
    }

    private Case lock(long id, Official official) {
        client.sql("select id from serious_case where id = ? for update").param(id).query(Long.class).optional();
        return find(id, official);
    }

    private void event(Case c, String type, Map<String, ?> payload, Official official) {
        ledger.append(new LedgerEvent(c.facilityCode(), c.personId(), type, payload, Actor.of(official),
                clock.instant()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private List<Case> query(String where, Object[] params, int limit, long offset) {
        return client.sql("""
                        select c.id, c.kind, c.person_id, n.given_names, n.first_surname, n.second_surname,
                               c.facility_code, c.occurred_at, c.place, c.circumstances, c.known_cause, c.found_by,
                               c.source, c.reported_by, c.reported_at, c.acknowledged_by, c.acknowledged_at,
                               c.next_of_kin, c.next_of_kin_notified_at, c.remains_destination, c.remains_at, c.cause,
                               c.cause_established_by,
                               array(select s.username from serious_case_staff s where s.case_id = c.id
                                      order by s.username),
                               array(select a.text from serious_case_addition a where a.case_id = c.id order by a.id)
                          from serious_case c join people_name n on n.person_id = c.person_id
                        """ + " where " + where + " order by c.reported_at desc, c.id desc limit ? offset ?")
                .params(Ordered.params(params, limit, offset))
                .query((rs, i) -> new Case(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getLong(3),
                        PeopleService.fullName(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), Source.valueOf(rs.getString(13)), rs.getString(14),
                        rs.getTimestamp(15).toInstant(), rs.getString(16), instant(rs.getTimestamp(17)),
                        rs.getString(18), instant(rs.getTimestamp(19)), rs.getString(20), instant(rs.getTimestamp(21)),
                        rs.getString(22), rs.getString(23), List.of((String[]) rs.getArray(24).getArray()),
                        List.of((String[]) rs.getArray(25).getArray())))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
