package org.custodia.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.CanonicalJson;
import org.custodia.platform.Official;
import org.custodia.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinical text, kept apart: each note is stored as canonical JSON (the bytes whose SHA-256 the ledger carries,
 * so a disclosed record can be checked against the ledger) and read only through this module by health staff.
 */
@Component
class ClinicalNotes {
    enum Kind { SCREENING, REQUEST, TRIAGE, CONSULTATION, NOTE, REPORT, ANSWER }

    record Stored(long id, String sha256) {
    }

    private final JdbcClient client;

    ClinicalNotes(JdbcClient client) {
        this.client = client;
    }

    Stored add(long personId, String facility, Kind kind, Map<String, ?> content, Official by, Instant at) {
        String text = CanonicalJson.write(content);
        String sha = Sha256.hex(text);
        long id = client.sql("""
                        insert into clinical_note (person_id, facility_code, kind, content, sha256, recorded_by,
                                                   recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, facility, kind.name(), text, sha, by.username(), Timestamp.from(at))
                .query(Long.class).single();
        return new Stored(id, sha);
    }

    List<ClinicalNote> of(long personId, int page, int size) {
        return client.sql("""
                        select id, kind, content, sha256, recorded_by, recorded_at from clinical_note
                         where person_id = ? order by id desc limit ? offset ?""")
                .params(personId, size, org.custodia.platform.Page.offset(page, size))
                .query((rs, i) -> new ClinicalNote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    long count(long personId) {
        return client.sql("select count(*) from clinical_note where person_id = ?").param(personId)
                .query(Long.class).single();
    }

    String content(long noteId) {
        return client.sql("select content from clinical_note where id = ?").param(noteId).query(String.class).single();
    }
}
