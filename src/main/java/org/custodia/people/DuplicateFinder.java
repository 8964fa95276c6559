package org.custodia.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people already recorded who may be someone arriving: the same identity document, or a close name (trigram
 * similarity of the normalised full name ≥ 0.6) and the same date of birth. Batch intake holds such rows for a
 * records officer's decision.
 */
@Service
public class DuplicateFinder {
    private final JdbcClient client;

    DuplicateFinder(JdbcClient client) {
        this.client = client;
    }

    /**
     * Someone already recorded who may be the person arriving. {@code inScope}: last held in a facility the
     * official sees. Otherwise only what a receiving facility needs is given: identity, the last facility and how
     * that stay ended (or that it has not).
     */
    public record KnownPerson(long personId, String fullName, LocalDate dateOfBirth, String idDocument,
                              String lastFacility, boolean inCustody, String releaseBasis, boolean inScope) {
    }

    /**
     * For each admission (by index), the people already recorded who may be the same person: the same identity
     * document, or a close name and the same date of birth. People last held outside the official's scope come
     * with identity, last facility and release basis only, and each such look-up is in the access log.
     */
    @Transactional(readOnly = true)
    public Map<Integer, List<KnownPerson>> possibleDuplicates(List<Admission> people, Official official) {
        Map<Integer, List<Long>> ids = possibleDuplicateIds(people);
        Map<Long, KnownPerson> known = new HashMap<>();
        long[] all = ids.values().stream().flatMap(List::stream).mapToLong(Long::longValue).distinct().toArray();
        if (all.length > 0) {
            client.sql("""
                            select p.id, p.given_names, p.first_surname, p.second_surname, p.date_of_birth,
                                   p.id_document, b.facility_code, b.released_at is null, b.release_basis
                              from person p
                              join lateral (select facility_code, released_at, release_basis from booking
                                             where person_id = p.id order by admitted_at desc, id desc limit 1) b on true
                             where p.id = any(?)""")
                    .param(all)
                    .query((ResultSet rs) -> {
                        Date dob = rs.getDate(5);
                        known.put(rs.getLong(1), new KnownPerson(rs.getLong(1),
                                PeopleService.fullName(rs.getString(2), rs.getString(3), rs.getString(4)),
                                dob == null ? null : dob.toLocalDate(), rs.getString(6), rs.getString(7),
                                rs.getBoolean(8), rs.getString(9), official.sees(rs.getString(7))));
                    });
        }
        Map<Integer, List<KnownPerson>> out = new HashMap<>();
        ids.forEach((i, list) -> out.put(i, list.stream().map(known::get).filter(java.util.Objects::nonNull)
                .toList()));
        return out;
    }

    private Map<Integer, List<Long>> possibleDuplicateIds(List<Admission> people) {
        Map<Integer, List<Long>> out = new HashMap<>();
        List<String> docs = new ArrayList<>();
        List<Integer> docIdx = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Date> dobs = new ArrayList<>();
        List<Integer> nameIdx = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Admission a = people.get(i);
            String doc = AdmissionRules.blankToNull(a.idDocument());
            if (doc != null) {
                docs.add(doc);
                docIdx.add(i);
            }
            if (a.dateOfBirth() != null && a.givenNames() != null && a.firstSurname() != null) {
                names.add(PeopleService.fullName(a.givenNames(), a.firstSurname(),
                        AdmissionRules.blankToNull(a.secondSurname())));
                dobs.add(Date.valueOf(a.dateOfBirth()));
                nameIdx.add(i);
            }
        }
        if (!docs.isEmpty()) {
            client.sql("""
                            select r.idx, p.id from unnest(?::text[], ?::int[]) as r(doc, idx)
                              join person p on p.id_document = r.doc""")
                    .params(docs.toArray(String[]::new), docIdx.toArray(Integer[]::new))
                    .query((ResultSet rs) -> {
                        out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
        }
        if (!names.isEmpty()) {
            client.sql("""
                            select r.idx, p.id from unnest(?::text[], ?::date[], ?::int[]) as r(name, dob, idx)
                              join person p on p.date_of_birth = r.dob
                             where similarity(custodia_normalise(p.given_names || ' ' || p.first_surname
                                                                 || coalesce(' ' || p.second_surname, '')),
                                              custodia_normalise(r.name)) >= 0.6""")
                    .params(names.toArray(String[]::new), dobs.toArray(Date[]::new), nameIdx.toArray(Integer[]::new))
                    .query((ResultSet rs) -> {
                        List<Long> l = out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>());
                        if (!l.contains(rs.getLong(2))) {
                            l.add(rs.getLong(2));
                        }
                    });
        }
        return out;
    }

}
