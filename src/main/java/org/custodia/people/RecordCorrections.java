package org.custodia.people;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to what was recorded at admission: legal status, commitment record, identity. Each keeps the replaced
 * version (in its own append-only table and in the ledger entry's before/after), so nothing is silently rewritten.
 */
@Service
public class RecordCorrections {
    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final BookingRows bookings;
    private final LedgerService ledger;
    private final Clock clock;

    RecordCorrections(JdbcClient client, JdbcTemplate jdbc, PeopleService people, BookingRows bookings,
                      LedgerService ledger, Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.people = people;
        this.bookings = bookings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Changes the legal status of the current stay (e.g. untried to sentenced) on a stated basis. */
    @Transactional
    public PersonRecord changeLegalStatus(long personId, LegalStatus status, String basis, Official official) {
        people.requireNotHeldAsEvidence(personId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (status == null) {
            errors.put("status", "required: " + List.of(LegalStatus.values()));
        }
        if (basis == null || basis.isBlank() || basis.length() > 500) {
            errors.put("basis", "required: the decision or document, at most 500 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The legal status cannot be changed; nothing was changed", errors);
        }
        Booking b = bookings.lockActiveBooking(personId, official);
        if (b.legalStatus() == status) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "The legal status is already " + status);
        }
        client.sql("update booking set legal_status = ? where id = ?").params(status.name(), b.id()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("booking", b.bookingNumber());
        payload.put("from", b.legalStatus());
        payload.put("to", status);
        payload.put("basis", basis.strip());
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "LEGAL_STATUS_CHANGED", payload, Actor.of(official),
                clock.instant()));
        return bookings.find(personId);
    }

    /** Corrects the commitment record of the current stay; the replaced version is kept and in the ledger. */
    @Transactional
    public PersonRecord correctCommitment(long personId, Admission.Commitment c, String reason, Official official) {
        people.requireNotHeldAsEvidence(personId);
        Map<String, String> errors = new LinkedHashMap<>();
        Admission probe = new Admission(null, null, null, null, null, null, null, null, null, c, "x", 0L);
        AdmissionRules.check(probe, clock.instant(), LocalDate.now(clock)).forEach((k, v) -> {
            if (k.startsWith("commitment")) {
                errors.put(k, v);
            }
        });
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.put("reason", "required: why the record is corrected, at most 1000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The correction cannot be made; nothing was changed", errors);
        }
        Booking b = bookings.lockActiveBooking(personId, official);
        Instant now = clock.instant();
        client.sql("""
                        insert into commitment_version (booking_id, commitment_authority, commitment_reference,
                            commitment_basis, arrested_at, arrest_place, replaced_by, replaced_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.commitmentAuthority(), b.commitmentReference(), b.commitmentBasis(),
                        b.arrestedAt() == null ? null : Timestamp.from(b.arrestedAt()), b.arrestPlace(),
                        official.username(), Timestamp.from(now), reason.strip())
                .update();
        client.sql("""
                        update booking set commitment_authority = ?, commitment_reference = ?, commitment_basis = ?,
                                           arrested_at = ?, arrest_place = ? where id = ?""")
                .params(c.authority().strip(), c.documentReference().strip(), c.legalBasis().strip(),
                        Timestamp.from(c.arrestedAt()), c.arrestPlace().strip(), b.id())
                .update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("authority", b.commitmentAuthority());
        before.put("documentReference", b.commitmentReference());
        before.put("legalBasis", b.commitmentBasis());
        before.put("arrestedAt", b.arrestedAt());
        before.put("arrestPlace", b.arrestPlace());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("authority", c.authority().strip());
        after.put("documentReference", c.documentReference().strip());
        after.put("legalBasis", c.legalBasis().strip());
        after.put("arrestedAt", c.arrestedAt());
        after.put("arrestPlace", c.arrestPlace().strip());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("booking", b.bookingNumber());
        payload.put("before", before);
        payload.put("after", after);
        payload.put("reason", reason.strip());
        ledger.append(new LedgerEvent(b.facilityCode(), personId, "COMMITMENT_CORRECTED", payload,
                Actor.of(official), now));
        return bookings.find(personId);
    }

    /** Corrects identity; the replaced version is kept, the search terms follow, the ledger records both. */
    @Transactional
    public PersonRecord correctIdentity(long personId, IdentityCorrection c, Official official) {
        people.requireNotHeldAsEvidence(personId);
        PersonRecord p = people.find(personId, official);
        Admission asAdmission = new Admission(c.givenNames(), c.firstSurname(), c.secondSurname(), c.aliases(),
                c.dateOfBirth(), c.sex(), c.nationality(), c.idDocument(), null, null, null, null);
        Map<String, String> errors = new LinkedHashMap<>(AdmissionRules.identity(asAdmission, LocalDate.now(clock)));
        if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 1000) {
            errors.put("reason", "required: why the record is corrected, at most 1000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The correction cannot be made; nothing was changed", errors);
        }
        client.sql("select id from person where id = ? for update").param(personId).query(Long.class).single();
        Instant now = clock.instant();
        client.sql("""
                        insert into person_identity_version (person_id, given_names, first_surname, second_surname,
                            date_of_birth, sex, nationality, id_document, aliases, replaced_by, replaced_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, p.givenNames(), p.firstSurname(), p.secondSurname(),
                        p.dateOfBirth() == null ? null : Date.valueOf(p.dateOfBirth()), p.sex().name(),
                        p.nationality(), p.idDocument(), p.aliases().toArray(String[]::new), official.username(),
                        Timestamp.from(now), c.reason().strip())
                .update();
        String second = AdmissionRules.blankToNull(c.secondSurname());
        String document = AdmissionRules.blankToNull(c.idDocument());
        client.sql("""
                        update person set given_names = ?, first_surname = ?, second_surname = ?, date_of_birth = ?,
                                          sex = ?, nationality = ?, id_document = ? where id = ?""")
                .params(c.givenNames().strip(), c.firstSurname().strip(), second,
                        c.dateOfBirth() == null ? null : Date.valueOf(c.dateOfBirth()), c.sex().name(), c.nationality(),
                        document, personId)
                .update();
        List<String> aliases = c.aliases() == null ? List.of() : c.aliases().stream().map(String::strip).distinct().toList();
        client.sql("delete from person_alias where person_id = ?").param(personId).update();
        client.sql("delete from person_search where person_id = ? and kind in ('NAME','ALIAS','DOCUMENT')")
                .param(personId).update();
        List<Object[]> aliasRows = aliases.stream().map(a -> new Object[] {personId, a}).toList();
        jdbc.batchUpdate("insert into person_alias (person_id, alias) values (?, ?)", aliasRows);
        List<Object[]> terms = new ArrayList<>();
        terms.add(new Object[] {personId, "NAME", PeopleService.fullName(c.givenNames().strip(), c.firstSurname().strip(), second)});
        if (document != null) {
            terms.add(new Object[] {personId, "DOCUMENT", document});
        }
        aliases.forEach(a -> terms.add(new Object[] {personId, "ALIAS", a}));
        jdbc.batchUpdate("insert into person_search (person_id, kind, term) values (?, ?, ?)", terms);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("fullName", p.fullName());
        before.put("aliases", p.aliases());
        before.put("dateOfBirth", p.dateOfBirth());
        before.put("sex", p.sex());
        before.put("nationality", p.nationality());
        before.put("idDocument", p.idDocument());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fullName", PeopleService.fullName(c.givenNames().strip(), c.firstSurname().strip(), second));
        after.put("aliases", aliases);
        after.put("dateOfBirth", c.dateOfBirth());
        after.put("sex", c.sex());
        after.put("nationality", c.nationality());
        after.put("idDocument", document);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("before", before);
        payload.put("after", after);
        payload.put("reason", c.reason().strip());
        String chain = p.bookings().getFirst().facilityCode();
        ledger.append(new LedgerEvent(chain, personId, "IDENTITY_CORRECTED", payload, Actor.of(official), now));
        return bookings.find(personId);
    }

    @Transactional(readOnly = true)
    public List<IdentityCorrection.Earlier> earlierIdentities(long personId, Official official) {
        people.find(personId, official);
        return client.sql("""
                        select given_names, first_surname, second_surname, aliases, date_of_birth, sex, nationality,
                               id_document, replaced_by, replaced_at, reason
                          from person_identity_version where person_id = ? order by id""")
                .param(personId)
                .query((rs, n) -> {
                    Date dob = rs.getDate(5);
                    return new IdentityCorrection.Earlier(rs.getString(1), rs.getString(2), rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()), dob == null ? null : dob.toLocalDate(),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), rs.getString(11));
                })
                .list();
    }
}
