package org.custodia.people;

import java.sql.Date;
import java.util.List;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search box for names, aliases, identity documents and booking numbers: case- and accent-insensitive and
 * tolerant of typos (trigram similarity over normalised terms), limited to the people in the official's
 * facilities. Whole-term similarity is tried first; the slower word-within-term similarity runs when it finds
 * nobody, or, for a fragment of one or two words (a surname alone, part of a name), too few people.
 */
@Service
public class PeopleSearch {
    public static final int MIN_QUERY = 3;
    public static final int MAX_QUERY = 120;
    private static final String THRESHOLD = "0.4";
    private static final String WORD_THRESHOLD = "0.3";

    private final JdbcClient client;

    PeopleSearch(JdbcClient client) {
        this.client = client;
    }

    @Transactional(readOnly = true)
    public List<SearchHit> search(String query, Official official, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.length() < MIN_QUERY || q.length() > MAX_QUERY || q.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidRequestException("q", "between " + MIN_QUERY + " and " + MAX_QUERY + " characters");
        }
        // Whole-term similarity of 0.4 (stricter than pg_trgm's 0.3) keeps the candidates few; near misses come back
        // through the word-similarity pass. A query word is close to a name word at 0.3 (a short word with one
        // typo keeps about a third of its trigrams).
        client.sql("select set_config('pg_trgm.similarity_threshold', ?, true), "
                        + "set_config('pg_trgm.strict_word_similarity_threshold', ?, true)")
                .params(THRESHOLD, WORD_THRESHOLD).query().listOfRows();
        // A fragment (a surname alone, a name and a surname) is looked for inside longer names when the whole-term
        // pass finds too few people; a fuller name only when it finds nobody: its close matches are the answer,
        // and the second index scan would double the time for nothing (measured in BENCHMARKS.md).
        boolean fragment = q.split("\\s+").length <= 2;
        return client.sql("""
                        with q as (select custodia_normalise(?) as n),
                        query_word as (
                            select w from (select distinct w from q, unnest(string_to_array(q.n, ' ')) w
                                            where length(w) >= 3) d
                             order by length(w) desc, w limit 6),
                        near as (
                            select qw.w, array_agg(v.word) as words
                              from query_word qw join search_word v on qw.w <<% v.word group by qw.w),
                        word_pair as (select a.words as a, b.words as b from near a join near b on a.w < b.w),
                        paired as (
                            select s.person_id, s.kind, s.term, similarity(s.norm, q.n) as score
                              from word_pair p
                              cross join lateral (select * from person_search s
                                                   where s.words && p.a and s.words && p.b) s, q
                             where similarity(s.norm, q.n) >= ?::real),
                        whole as (
                            select s.person_id, s.kind, s.term, similarity(s.norm, q.n) as score
                              from person_search s, q where s.norm % q.n and not exists (select 1 from paired)),
                        close as (select * from paired union all select * from whole),
                        partial as (
                            select s.person_id, s.kind, s.term, word_similarity(q.n, s.norm) as score
                              from person_search s, q
                             where q.n <% s.norm
                               and ((select count(distinct person_id) from close) = 0
                                    or (? and (select count(distinct person_id) from close) < ?))),
                        hits as (select * from close union all select * from partial),
                        best as (
                            select distinct on (person_id) person_id, kind, term, score
                              from hits order by person_id, score desc)
                        select b.person_id, p.given_names, p.first_surname, p.second_surname, p.date_of_birth,
                               b.kind, b.term, b.score, bk.booking_number, bk.facility_code, bk.released_at is null
                          from best b
                          join person p on p.id = b.person_id
                          join lateral (select booking_number, facility_code, released_at from booking
                                         where person_id = b.person_id
                                         order by admitted_at desc, id desc limit 1) bk on true
                         where ? or bk.facility_code = any(?)
                         order by b.score desc, b.person_id
                         limit ?""")
                .params(q, Double.parseDouble(THRESHOLD), fragment, Math.max(1, Math.min(limit, 100)), official.national(), official.facilityArray(),
                        Math.max(1, Math.min(limit, 100)))
                .query((rs, n) -> {
                    Date dob = rs.getDate(5);
                    return new SearchHit(rs.getLong(1),
                            PeopleService.fullName(rs.getString(2), rs.getString(3), rs.getString(4)),
                            dob == null ? null : dob.toLocalDate(), rs.getString(6), rs.getString(7),
                            Math.round(rs.getDouble(8) * 1000) / 1000.0, rs.getString(9), rs.getString(10),
                            rs.getBoolean(11));
                })
                .list();
    }
}
