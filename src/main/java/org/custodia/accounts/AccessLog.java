package org.custodia.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** MANDELA-9: who read which record, and who exported what, when. */
@Service
public class AccessLog {
    /** One line of the access log. */
    public record Entry(long id, Instant at, String username, String roles, String action, String subjectType,
                        String subjectId, String detail) {
    }

    private final JdbcClient client;
    private final Clock clock;

    AccessLog(JdbcClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Written in its own transaction: the read is logged even if what follows fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String subjectType, String subjectId, String detail) {
        Official o = Officials.current();
        client.sql("insert into access_log (at, username, roles, action, subject_type, subject_id, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), o.username(), o.rolesText(), action, subjectType,
                        subjectId, detail)
                .update();
    }

    /** Runs a read of a person's record and logs it once it has succeeded: a refused read is not a read. */
    public <T> T personRead(String action, long personId, String via, java.util.function.Supplier<T> read) {
        T result = read.get();
        record(action, "person", Long.toString(personId), via);
        return result;
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(String subjectType, String subjectId, int limit) {
        return client.sql("""
                        select id, at, username, roles, action, subject_type, subject_id, detail from access_log
                         where (cast(? as text) is null or subject_type = ?)
                           and (cast(? as text) is null or subject_id = ?)
                         order by id desc limit ?""")
                .params(subjectType, subjectType, subjectId, subjectId, limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }
}
