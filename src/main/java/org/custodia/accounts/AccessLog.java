package org.custodia.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.custodia.platform.PersonLocator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** MANDELA-9: who read which record, and who exported what, when. */
@Service
public class AccessLog {
    /**
     * One line of the access log. {@code refused}: the official asked and was not shown it. {@code facility}: the
     * facility the subject belongs to (a person's latest stay), or null for service-wide subjects.
     */
    public record Entry(long id, Instant at, String username, String roles, String action, String subjectType,
                        String subjectId, String facility, boolean refused, String detail) {
    }

    private final JdbcClient client;
    private final Clock clock;
    private final ObjectProvider<PersonLocator> people;

    AccessLog(JdbcClient client, Clock clock, ObjectProvider<PersonLocator> people) {
        this.client = client;
        this.clock = clock;
        this.people = people;
    }

    /** Written in its own transaction: the read is logged even if what follows fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String subjectType, String subjectId, String detail) {
        insert(action, subjectType, subjectId, detail, false);
    }

    /** A read that was asked for and refused (out of scope, or unknown): logged as refused, not as a read. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String action, String subjectType, String subjectId, String detail) {
        insert(action, subjectType, subjectId, detail, true);
    }

    private void insert(String action, String subjectType, String subjectId, String detail, boolean refused) {
        Official o = Officials.current();
        client.sql("insert into access_log (at, username, roles, action, subject_type, subject_id, facility_code, "
                        + "refused, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), o.username(), o.rolesText(), action, subjectType,
                        subjectId, facilityOf(subjectType, subjectId), refused, detail)
                .update();
    }

    private String facilityOf(String subjectType, String subjectId) {
        if (!"person".equals(subjectType) || subjectId == null || !subjectId.matches("\\d{1,18}")) {
            return null;
        }
        PersonLocator locator = people.getIfAvailable();
        return locator == null ? null : locator.facilityOf(Long.parseLong(subjectId)).orElse(null);
    }

    /**
     * Runs a read of a person's record and logs it once it has succeeded; a read refused because the person is
     * unknown or out of scope is logged as refused.
     */
    public <T> T personRead(String action, long personId, String via, java.util.function.Supplier<T> read) {
        T result;
        try {
            result = read.get();
        } catch (NotFoundException | AccessDeniedException e) {
            refused(action, "person", Long.toString(personId), via);
            throw e;
        }
        record(action, "person", Long.toString(personId), via);
        return result;
    }

    /**
     * Every person in a result (a search, a cell list): one line each, so each person's own log is complete. One
     * statement, committed on its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void peopleRead(String action, java.util.Collection<Long> personIds, String via) {
        insertPeople(null, action, personIds, via);
    }

    /** A search: what was asked and who was returned, in one statement committed on its own (it runs on every search). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void search(String query, java.util.Collection<Long> returned, String via) {
        insertPeople(query, "SEARCH_RESULT", returned, via);
    }

    /**
     * One line per person (with the facility of their latest stay), and, when {@code searched} is given, a first
     * line for the search itself.
     */
    private void insertPeople(String searched, String action, java.util.Collection<Long> personIds, String via) {
        Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
        if (ids.length == 0 && searched == null) {
            return;
        }
        PersonLocator locator = people.getIfAvailable();
        java.util.Map<Long, String> facilities = locator == null || ids.length == 0 ? java.util.Map.of()
                : locator.facilitiesOf(java.util.Arrays.asList(ids));
        String[] facilityOf = java.util.Arrays.stream(ids).map(facilities::get).toArray(String[]::new);
        Official o = Officials.current();
        client.sql("""
                        with who as (select ?::timestamptz as at, ?::text as username, ?::text as roles)
                        insert into access_log (at, username, roles, action, subject_type, subject_id, facility_code,
                                                refused, detail)
                        select at, username, roles, 'SEARCH_PEOPLE', 'search', null, null, false, ?::text
                          from who where ?::text is not null
                        union all
                        select at, username, roles, ?::text, 'person', r.id::text, r.facility, false, ?::text
                          from who, unnest(?::bigint[], ?::text[]) as r(id, facility)""")
                .params(Timestamp.from(clock.instant()), o.username(), o.rolesText(), searched, searched, action, via,
                        ids, facilityOf)
                .update();
    }

    /**
     * The newest entries the official may see: about the facilities in their scope (and, for national accounts,
     * service-wide subjects too).
     */
    @Transactional(readOnly = true)
    public List<Entry> recent(Official official, String subjectType, String subjectId, int limit) {
        return client.sql("""
                        select id, at, username, roles, action, subject_type, subject_id, facility_code, refused, detail
                          from access_log
                         where (cast(? as text) is null or subject_type = ?)
                           and (cast(? as text) is null or subject_id = ?)
                           and (? or facility_code = any(?))
                         order by id desc limit ?""")
                .params(subjectType, subjectType, subjectId, subjectId, official.national(),
                        official.facilityArray(), limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getBoolean(9), rs.getString(10)))
                .list();
    }
}
