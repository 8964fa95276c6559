package org.custodia.intake;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.people.Admission;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a batch, validates every row, holds possible duplicates for review, and admits the rest in one
 * transaction on the application's task executor, reporting progress as it goes. The same batch (same client id,
 * or the same content) is answered with the report of the first one: nobody is created twice. A batch interrupted
 * by a stop before it committed is admitted when it is sent again.
 */
@Service
public class IntakeService {
    public static final int MAX_ROWS = 10_000;
    private static final int CHUNK = 500;

    public enum Mode { ALL_OR_NOTHING, VALID_ONLY }

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    private static final String LOCK_PREFIX = "intake-batch:";
    static final String INTERRUPTED = "Interrupted by a stop of the service before it was committed: nobody in this "
            + "batch was admitted. Send it again (same batch id or same file) to admit it.";

    /** The answer to a submission: the report, and whether this batch was seen before. */
    public record Submission(BatchReport report, boolean repeated) {
    }

    private final JdbcClient client;
    private final AccessLog accessLog;
    private final PeopleService people;
    private final EstateService estate;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Validator validator;
    private final BatchReader reader;
    private final TaskExecutor worker;

    IntakeService(JdbcClient client, AccessLog accessLog, PeopleService people, EstateService estate,
                  TransactionTemplate tx, JsonMapper json, Clock clock, Validator validator,
                  @Value("${custodia.intake.max-bytes:33554432}") long maxBytes,
                  @Qualifier("applicationTaskExecutor") TaskExecutor worker) {
        this.worker = worker;
        this.validator = validator;
        this.reader = new BatchReader(json, maxBytes, MAX_ROWS);
        this.client = client;
        this.accessLog = accessLog;
        this.people = people;
        this.estate = estate;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** A batch from a stream (the request body, an uploaded file), read within the byte and row limits. */
    public Submission submit(InputStream body, boolean csv, Mode mode, String clientId, Official official) {
        if (clientId != null && (clientId.isBlank() || clientId.length() > 100)) {
            throw new InvalidRequestException("batchId", "at most 100 characters");
        }
        Optional<BatchReport> seen = clientId == null ? Optional.empty() : byClientId(clientId, official);
        if (seen.isPresent() && !seen.get().status().equals("INTERRUPTED")) {
            return new Submission(seen.get(), true);
        }
        BatchReader.Batch batch = reader.read(body, csv, mode.name());
        String hash = batch.contentHash();
        if (seen.isEmpty()) {
            seen = byHash(hash, official);
        }
        if (seen.isPresent() && !seen.get().status().equals("INTERRUPTED")) {
            return new Submission(seen.get(), true);
        }
        // an interrupted batch sent again runs again under its own id: it admitted nobody
        BatchReport resumed = seen.orElse(null);
        List<Map<String, String>> rows = batch.rows();
        if (rows.isEmpty()) {
            throw new InvalidRequestException("body", "the batch has no rows");
        }
        List<BatchReport.RowError> errors = new ArrayList<>();
        List<Admission> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        Map<String, Long> receptions = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String facility = Rows.blank(row.get("facilityCode"));
            Long reception = facility == null || !official.sees(facility) ? null
                    : receptions.computeIfAbsent(facility, f -> estate.reception(f).map(Location::id).orElse(null));
            Rows.Converted c = Rows.convert(row, reception);
            Map<String, String> problems = new LinkedHashMap<>(c.errors());
            // the same constraints as an admission through the API (aliases[2].<list element> is "aliases")
            validator.validate(c.admission()).forEach(v -> problems.putIfAbsent(
                    v.getPropertyPath().toString().replaceFirst("\\[.*", ""), v.getMessage()));
            people.problems(c.admission()).forEach(problems::putIfAbsent);
            if (facility != null && reception == null) {
                problems.put("facilityCode", "no such facility in your scope, or it has no reception");
                problems.remove("locationId");
            }
            int rowNo = i + 1;
            problems.forEach((field, reason) -> errors.add(new BatchReport.RowError(rowNo,
                    field.equals("locationId") ? "facilityCode" : field, reason)));
            if (problems.isEmpty()) {
                valid.add(c.admission());
                validRows.add(rowNo);
            }
        }
        List<BatchReport.HeldRow> held = new ArrayList<>();
        List<Admission> toAdmit = new ArrayList<>();
        Map<Integer, List<PeopleService.KnownPerson>> duplicates = people.possibleDuplicates(valid, official);
        Map<String, Integer> documentsInBatch = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            Admission a = valid.get(i);
            String name = PeopleService.fullName(a.givenNames().strip(), a.firstSurname().strip(),
                    a.secondSurname() == null ? null : a.secondSurname().strip());
            List<PeopleService.KnownPerson> known = duplicates.getOrDefault(i, List.of());
            List<Long> candidates = known.stream().filter(PeopleService.KnownPerson::inScope)
                    .map(PeopleService.KnownPerson::personId).toList();
            List<PeopleService.KnownPerson> elsewhere = known.stream().filter(k -> !k.inScope()).toList();
            Integer earlier = a.idDocument() == null ? null : documentsInBatch.putIfAbsent(a.idDocument(),
                    validRows.get(i));
            if (!known.isEmpty()) {
                held.add(new BatchReport.HeldRow(validRows.get(i), name,
                        "possibly already known (same document, or close name and same date of birth)", candidates,
                        elsewhere, rows.get(validRows.get(i) - 1), null));
            } else if (earlier != null) {
                held.add(new BatchReport.HeldRow(validRows.get(i), name,
                        "same identity document as row " + earlier + " of this batch", List.of(), List.of(),
                        rows.get(validRows.get(i) - 1), null));
            } else {
                toAdmit.add(a);
            }
        }
        String id = resumed == null ? UUID.randomUUID().toString() : resumed.id();
        boolean rejected = !errors.isEmpty() && mode == Mode.ALL_OR_NOTHING;
        String status = rejected ? "REJECTED" : toAdmit.isEmpty() ? "DONE" : "ADMITTING";
        String message = rejected ? "The batch has errors; nobody was admitted. Correct them, or submit again with "
                + "mode=VALID_ONLY to admit the valid rows only."
                : resumed != null ? "Sent again after an interruption (nobody had been admitted)." : null;
        BatchReport report = new BatchReport(id, status, csv ? "CSV" : "JSON", mode.name(), rows.size(), 0, 0,
                held.size(), List.copyOf(errors), List.copyOf(held), official.username(), clock.instant(),
                rejected || toAdmit.isEmpty() ? clock.instant() : null, message);
        // Two identical submissions at the same moment: the unique keys let one in, the other gets its report.
        int inserted = resumed != null ? client.sql("""
                        update intake_batch set client_id = coalesce(?, client_id), content_hash = ?, format = ?,
                               mode = ?, status = ?, total = ?, processed = 0, admitted = 0, held = ?,
                               error_count = ?, report = ?::jsonb, submitted_at = ?, finished_at = ?
                         where id = ? and submitted_by = ? and status = 'INTERRUPTED'""")
                .params(clientId, hash, report.format(), mode.name(), status, rows.size(), held.size(),
                        errors.size(), json.writeValueAsString(report), Timestamp.from(report.submittedAt()),
                        report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()), id,
                        official.username())
                .update()
                : client.sql("""
                        insert into intake_batch (id, client_id, content_hash, format, mode, status, total, held,
                                                  error_count, report, submitted_by, submitted_at, finished_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing""")
                .params(id, clientId, hash, report.format(), mode.name(), status, rows.size(), held.size(),
                        errors.size(), json.writeValueAsString(report), official.username(),
                        Timestamp.from(report.submittedAt()),
                        report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()))
                .update();
        if (inserted == 0) {
            return new Submission(find(clientId, hash, official).orElseThrow(() ->
                    new ConflictException(ErrorCode.IN_PROGRESS, "The same batch is being received; try again")), true);
        }
        logCandidates(report, official);
        if (status.equals("ADMITTING")) {
            worker.execute(() -> admit(id, toAdmit, official));
        }
        return new Submission(report, false);
    }

    public enum Decision { ADMIT_AS_NEW, SAME_PERSON, DISMISS }

    /**
     * A records officer's decision on a held row: admit as a new person, readmit the known person it matches,
     * or dismiss the row. The decision and who took it stay in the report; admissions are in the ledger.
     */
    @Transactional
    public BatchReport resolve(String batchId, int row, Decision decision, Long personId, String reason,
                               Official official) {
        BatchReport r = status(batchId, official);
        client.sql("select id from intake_batch where id = ? for update").param(batchId).query(String.class).single();
        BatchReport.HeldRow held = r.heldRows().stream().filter(h -> h.row() == row).findFirst()
                .orElseThrow(() -> new NotFoundException("No held row " + row + " in batch " + batchId));
        if (held.resolution() != null) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Row " + row + " was already resolved: " + held.resolution());
        }
        if (decision == null) {
            throw new InvalidRequestException("decision", "ADMIT_AS_NEW, SAME_PERSON or DISMISS");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException("reason", "required: why, at most 1000 characters");
        }
        String facility = Rows.blank(held.data().get("facilityCode"));
        Long reception = facility == null ? null : estate.reception(facility).map(Location::id).orElse(null);
        Admission a = Rows.convert(held.data(), reception).admission();
        String outcome = switch (decision) {
            case ADMIT_AS_NEW -> "admitted as a new person #" + people.admitBatch(List.of(a), official)[0];
            case SAME_PERSON -> {
                if (personId == null || !held.mayBe(personId)) {
                    throw new InvalidRequestException("personId", "one of the people this row may be");
                }
                people.readmit(personId, a, official);
                yield "readmitted as the known person #" + personId;
            }
            case DISMISS -> "dismissed";
        };
        String resolution = outcome + " — " + official.username() + ", " + clock.instant() + ": " + reason.strip();
        List<BatchReport.HeldRow> rows = r.heldRows().stream()
                .map(h -> h.row() == row ? h.resolved(resolution) : h)
                .toList();
        int admitted = r.admitted() + (decision == Decision.DISMISS ? 0 : 1);
        BatchReport updated = new BatchReport(r.id(), r.status(), r.format(), r.mode(), r.total(), r.processed(),
                admitted, r.held(), r.errors(), rows, r.submittedBy(), r.submittedAt(), r.finishedAt(), r.message());
        client.sql("update intake_batch set admitted = ?, report = ?::jsonb where id = ?")
                .params(admitted, json.writeValueAsString(updated), batchId).update();
        return updated;
    }

    /**
     * A batch report names people: the official who sent it and those with national scope may read it, and each
     * read is in the access log with the known people it names.
     */
    public BatchReport status(String id, Official official) {
        BatchReport r = read("id = ?", id)
                .filter(b -> official.national() || b.submittedBy().equals(official.username()))
                .orElseGet(() -> {
                    accessLog.refused("READ_BATCH_REPORT", "intake_batch", id, "not the submitter's batch");
                    throw new NotFoundException("No batch " + id);
                });
        accessLog.record("READ_BATCH_REPORT", "intake_batch", id, r.held() + " held rows");
        logCandidates(r, official);
        return r;
    }

    private void logCandidates(BatchReport r, Official official) {
        for (BatchReport.HeldRow h : r.heldRows()) {
            h.candidates().forEach(p -> accessLog.record("READ_PERSON", "person", p.toString(),
                    "possible duplicate, batch " + r.id() + " row " + h.row()));
            h.knownElsewhere().forEach(k -> accessLog.record("READ_IDENTITY_ELSEWHERE", "person",
                    Long.toString(k.personId()), "possible duplicate last held at " + k.lastFacility() + ", batch "
                            + r.id() + " row " + h.row()));
        }
    }

    private void admit(String id, List<Admission> toAdmit, Official official) {
        try {
            int[] done = {0};
            boolean ran = Boolean.TRUE.equals(tx.execute(s -> {
                // held until commit or rollback: a start-up finds the batch running, not interrupted
                client.sql("select pg_advisory_xact_lock(hashtext(?))").param(LOCK_PREFIX + id).query().listOfRows();
                if (!"ADMITTING".equals(client.sql("select status from intake_batch where id = ?").param(id)
                        .query(String.class).single())) {
                    return false; // marked interrupted by a start-up before this worker ran: resubmitted instead
                }
                for (int from = 0; from < toAdmit.size(); from += CHUNK) {
                    List<Admission> chunk = toAdmit.subList(from, Math.min(toAdmit.size(), from + CHUNK));
                    people.admitBatch(chunk, official);
                    done[0] += chunk.size();
                    progress(id, done[0]);
                }
                return true;
            }));
            if (ran) {
                finish(id, "DONE", toAdmit.size(), null);
            }
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Batch {} failed, error id {}", id, errorId, e);
            finish(id, "FAILED", 0, "Nobody in this batch was admitted (error id " + errorId + ", in the log)");
        }
    }

    /**
     * At start: a batch left admitting by a process that died admitted nobody (one transaction), and no live
     * worker holds its lock. It is marked INTERRUPTED; sending it again (same batch id or same content) admits it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void markInterrupted() {
        List<String> stuck = client.sql("select id from intake_batch where status in ('ADMITTING', 'VALIDATING')")
                .query(String.class).list();
        for (String id : stuck) {
            Boolean interrupted = tx.execute(s -> {
                if (!client.sql("select pg_try_advisory_xact_lock(hashtext(?))").param(LOCK_PREFIX + id)
                        .query(Boolean.class).single()) {
                    return false; // another live process is admitting it
                }
                finish(id, "INTERRUPTED", 0, INTERRUPTED);
                return true;
            });
            if (Boolean.TRUE.equals(interrupted)) {
                LOG.warn("Batch {} was interrupted by a stop before it was committed; nobody was admitted", id);
            }
        }
    }

    /** Progress is written outside the admitting transaction, so that it can be read while the batch runs. */
    private void progress(String id, int processed) {
        new TransactionTemplate(tx.getTransactionManager(), requiresNew()).executeWithoutResult(s ->
                client.sql("update intake_batch set processed = ? where id = ?").params(processed, id).update());
    }

    private static org.springframework.transaction.TransactionDefinition requiresNew() {
        org.springframework.transaction.support.DefaultTransactionDefinition d =
                new org.springframework.transaction.support.DefaultTransactionDefinition();
        d.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return d;
    }

    private void finish(String id, String status, int admitted, String message) {
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

    /** The submitter's own batch with this client id or content: ids and hashes are per submitter. */

    private Optional<BatchReport> find(String clientId, String hash, Official official) {
        Optional<BatchReport> byId = clientId == null ? Optional.empty() : byClientId(clientId, official);
        return byId.isPresent() ? byId : byHash(hash, official);
    }

    private Optional<BatchReport> byClientId(String clientId, Official official) {
        return read("client_id = ? and submitted_by = ?", clientId, official.username());
    }

    private Optional<BatchReport> byHash(String hash, Official official) {
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
