package org.custodia.people;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.Location;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.platform.BulkCopy;
import org.custodia.platform.ZeroPadded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes new people and their bookings, with their search terms, for the admission paths of {@link PeopleService}
 * (one person, a batch, taking on a population): ids and booking numbers drawn in one query each, rows written
 * with COPY, and the ledger event that records the admission.
 */
@Component
class AdmissionRows {
    private final JdbcClient client;
    private final BulkCopy bulk;

    AdmissionRows(JdbcClient client, BulkCopy bulk) {
        this.client = client;
        this.bulk = bulk;
    }

    long[] nextIds(String table, int n) {
        return bulk.nextIds(table, n);
    }

    /** Booking numbers: facility, year of admission, and a number from one sequence for the whole service. */
    String[] bookingNumbers(List<Admission> people, Instant[] admittedAt) {
        List<Long> seqs = client.sql("select nextval('booking_number_seq') from generate_series(1, ?)")
                .param(people.size()).query(Long.class).list();
        String[] numbers = new String[people.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = bookingNumber(people.get(i).facilityCode(), admittedAt[i], seqs.get(i));
        }
        return numbers;
    }

    static String bookingNumber(String facility, Instant admittedAt, long seq) {
        return facility + "-" + admittedAt.atZone(ZoneOffset.UTC).getYear() + "-" + ZeroPadded.of(seq, 7);
    }

    void insertPeople(List<Admission> people, long[] ids, Instant now) {
        bulk.copy("copy person (id, given_names, first_surname, second_surname, date_of_birth, sex, nationality, "
                + "id_document, created_at) from stdin", rows -> {
                    for (int i = 0; i < people.size(); i++) {
                        Admission a = people.get(i);
                        rows.row(ids[i], a.givenNames().strip(), a.firstSurname().strip(),
                                AdmissionRules.blankToNull(a.secondSurname()), a.dateOfBirth(), a.sex(),
                                a.nationality(), AdmissionRules.blankToNull(a.idDocument()), now);
                    }
                });
        bulk.copy("copy person_alias (person_id, alias) from stdin", rows -> {
            for (int i = 0; i < people.size(); i++) {
                for (String alias : aliases(people.get(i))) {
                    rows.row(ids[i], alias);
                }
            }
        });
        bulk.copy("copy person_search (person_id, kind, term) from stdin", rows -> {
            for (int i = 0; i < people.size(); i++) {
                Admission a = people.get(i);
                rows.row(ids[i], "NAME", PeopleService.fullName(a.givenNames().strip(), a.firstSurname().strip(),
                        AdmissionRules.blankToNull(a.secondSurname())));
                String document = AdmissionRules.blankToNull(a.idDocument());
                if (document != null) {
                    rows.row(ids[i], "DOCUMENT", document);
                }
                for (String alias : aliases(a)) {
                    rows.row(ids[i], "ALIAS", alias);
                }
            }
        });
    }

    void insertBookings(List<Admission> people, long[] personIds, long[] bookingIds, String[] numbers,
                        Instant[] admittedAt) {
        bulk.copy("copy booking (id, booking_number, person_id, facility_code, location_id, legal_status, "
                + "commitment_authority, commitment_reference, commitment_basis, admitted_at, arrested_at, "
                + "arrest_place) from stdin", rows -> {
                    for (int i = 0; i < people.size(); i++) {
                        Admission a = people.get(i);
                        Admission.Commitment c = a.commitment();
                        rows.row(bookingIds[i], numbers[i], personIds[i], a.facilityCode(), a.locationId(),
                                a.legalStatus(), c.authority().strip(), c.documentReference().strip(),
                                c.legalBasis().strip(), admittedAt[i], c.arrestedAt(), c.arrestPlace().strip());
                    }
                });
        bulk.copy("copy person_search (person_id, kind, term) from stdin", rows -> {
            for (int i = 0; i < people.size(); i++) {
                rows.row(personIds[i], "BOOKING", numbers[i]);
            }
        });
    }

    private static List<String> aliases(Admission a) {
        return a.aliases() == null ? List.of() : a.aliases().stream().map(String::strip).distinct().toList();
    }

    /**
     * The ledger event of an admission: who, on what basis, where. {@code admittedAt} differs from {@code now}
     * only when a population is taken on: the event happens now, the admission it records happened then.
     */
    static LedgerEvent admitted(Admission a, long personId, String bookingNumber, Location l, String type,
                                Actor actor, Instant now, Instant admittedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("booking", bookingNumber);
        payload.put("givenNames", a.givenNames().strip());
        payload.put("firstSurname", a.firstSurname().strip());
        payload.put("secondSurname", AdmissionRules.blankToNull(a.secondSurname()));
        payload.put("aliases", aliases(a));
        payload.put("dateOfBirth", a.dateOfBirth());
        payload.put("sex", a.sex());
        payload.put("nationality", a.nationality());
        payload.put("idDocument", AdmissionRules.blankToNull(a.idDocument()));
        payload.put("legalStatus", a.legalStatus());
        payload.put("commitment", Map.of("authority", a.commitment().authority().strip(),
                "documentReference", a.commitment().documentReference().strip(),
                "legalBasis", a.commitment().legalBasis().strip(),
                "arrestedAt", a.commitment().arrestedAt(),
                "arrestPlace", a.commitment().arrestPlace().strip()));
        payload.put("location", l.code());
        if (!admittedAt.equals(now)) {
            payload.put("admittedAt", admittedAt);
        }
        return new LedgerEvent(a.facilityCode(), personId, type, payload, actor, now);
    }
}
