package org.custodia.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake module's table: each batch with its status, counts and report (JSON), found by id, by the submitter's
 * client id or by content hash. The live counts (status, processed, admitted) are columns, read over the report.
 */
@Component
class BatchStore {
    static final String LOCK_PREFIX = "intake-batch:";

    private final JdbcClient client;
    private final JsonMapper json;
    private final TransactionTemplate requiresNew;
    private final Clock clock;

    BatchStore(JdbcClient client, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.client = client;
        this.json = json;
        DefaultTransactionDefinition d = new DefaultTransactionDefinition();
        d.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requiresNew = new TransactionTemplate(tx.getTransactionManager(), d);
        this.clock = clock;
    }

    /**
     * Stores a new batch, or a batch sent again after an interruption under its own id. Returns false when the same
     * batch was stored at the same moment by another request (the unique keys let one in).
     */
    boolean store(BatchReport report, String clientId, String hash, boolean resumed) {
        Timestamp submitted = Timestamp.from(report.submittedAt());
        Timestamp finished = report.finishedAt() == null ? null : Timestamp.from(report.finishedAt());
        int stored = resumed ? client.sql("""
                        update intake_batch set client_id = coalesce(?, client_id), content_hash = ?, format = ?,
                               mode = ?, status = ?, total = ?, processed = 0, admitted = 0, held = ?,
                               error_count = ?, report = ?::jsonb, submitted_at = ?, finished_at = ?
                         where id = ? and submitted_by = ? and status = 'INTERRUPTED'""")
                .params(clientId, hash, report.format(), report.mode(), report.status(), report.total(),
                        report.held(), report.errors().size(), json.writeValueAsString(report), submitted, finished,
                        report.id(), report.submittedBy())
                .update()
                : client.sql("""
                        insert into intake_batch (id, client_id, content_hash, format, mode, status, total, held,
                                                  error_count, report, submitted_by, submitted_at, finished_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing""")
                .params(report.id(), clientId, hash, report.format(), report.mode(), report.status(), report.total(),
                        report.held(), report.errors().size(), json.writeValueAsString(report), report.submittedBy(),
                        submitted, finished)
                .update();
        return stored > 0;
    }

    /** A held row resolved: the report with its resolution, and the admitted count. */
    void resolved(BatchReport updated) {
        client.sql("update intake_batch set admitted = ?, report = ?::jsonb where id = ?")
                .params(updated.admitted(), json.writeValueAsString(updated), updated.id()).update();
    }

    /** Locks the batch's row until the end of the caller's transaction (one decision on a held row at a time). */
    void lock(String id) {
        client.sql("select id from intake_batch where id = ? for update").param(id).query(String.class).single();
    }

    /**
     * Held until the admitting transaction ends, so that a start-up finds a batch running, not interrupted, and two
     * instances on one database never both claim it.
     */
    void holdWorkerLock(String id) {
        client.sql("select pg_advisory_xact_lock(hashtext(?))").param(LOCK_PREFIX + id).query().listOfRows();
    }

    boolean tryWorkerLock(String id) {
        return client.sql("select pg_try_advisory_xact_lock(hashtext(?))").param(LOCK_PREFIX + id)
                .query(Boolean.class).single();
    }

    String status(String id) {
        return client.sql("select status from intake_batch where id = ?").param(id).query(String.class).single();
    }

    List<String> unfinished() {
        return client.sql("select id from intake_batch where status in ('ADMITTING', 'VALIDATING')")
                .query(String.class).list();
    }

    /** Progress is written outside the admitting transaction, so that it can be read while the batch runs. */
    void progress(String id, int processed) {
        requiresNew.executeWithoutResult(s ->
                client.sql("update intake_batch set processed = ? where id = ?").params(processed, id).update());
    }

    void finish(String id, String status, int admitted, String message) {
        BatchReport r = read("id = ?", id).orElseThrow();
        BatchReport done = new BatchReport(r.id(), status, r.format(), r.mode(), r.total(),
                status.equals("DONE") ? admitted : r.processed(), admitted, r.held(), r.errors(), r.heldRows(),
                r.submittedBy(), r.submittedAt(), clock.instant(), message);
        client.sql("update intake_batch set status = ?, processed = ?, admitted = ?, report = ?::jsonb, finished_at = ? "
                        + "where id = ?")
                .params(status, done.processed(), admitted, json.writeValueAsString(done),
                        Timestamp.from(done.finishedAt()), id)
                .update();
    }

    Optional<BatchReport> byId(String id) {
        return read("id = ?", id);
    }

    /** The submitter's own batch with this client id or content: ids and hashes are per submitter. */
    Optional<BatchReport> find(String clientId, String hash, Official official) {
        Optional<BatchReport> byId = clientId == null ? Optional.empty() : byClientId(clientId, official);
        return byId.isPresent() ? byId : byHash(hash, official);
    }

    Optional<BatchReport> byClientId(String clientId, Official official) {
        return read("client_id = ? and submitted_by = ?", clientId, official.username());
    }

    Optional<BatchReport> byHash(String hash, Official official) {
        return read("content_hash = ? and submitted_by = ?", hash, official.username());
    }

    private Optional<BatchReport> read(String where, Object... values) {
        return client.sql("select report::text, status, processed, admitted from intake_batch where " + where)
                .params(values)
                .query((rs, n) -> {
                    BatchReport r = json.readValue(rs.getString(1), BatchReport.class);
                    return new BatchReport(r.id(), rs.getString(2), r.format(), r.mode(), r.total(), rs.getInt(3),
                            rs.getInt(4), r.held(), r.errors(), r.heldRows(), r.submittedBy(), r.submittedAt(),
                            r.finishedAt(), r.message());
                })
                .optional();
    }
}
