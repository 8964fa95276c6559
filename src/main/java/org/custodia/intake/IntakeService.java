package org.custodia.intake;

import java.io.InputStream;
import java.time.Clock;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a batch, validates every row, holds possible duplicates for review, and admits the rest in one
 * transaction on the application's task executor, reporting progress as it goes. The same batch (same client id,
 * or the same content) is answered with the report of the first one: nobody is created twice. A batch interrupted
 * by a stop before it committed is admitted when it is sent again. The work is split: {@link BatchReader} reads
 * (limits, hash), {@link BatchChecks} checks the rows, {@link BatchStore} keeps the batch, {@link BatchWorker}
 * admits it.
 */
@Service
public class IntakeService {
    public static final int MAX_ROWS = 10_000;

    public enum Mode { ALL_OR_NOTHING, VALID_ONLY }

    /** The answer to a submission: the report, and whether this batch was seen before. */
    public record Submission(BatchReport report, boolean repeated) {
    }

    private final AccessLog accessLog;
    private final PeopleService people;
    private final EstateService estate;
    private final Clock clock;
    private final BatchReader reader;
    private final BatchChecks checks;
    private final BatchStore store;
    private final BatchWorker worker;

    IntakeService(AccessLog accessLog, PeopleService people, EstateService estate, JsonMapper json, Clock clock,
                  @Value("${custodia.intake.max-bytes:33554432}") long maxBytes, BatchChecks checks,
                  BatchStore store, BatchWorker worker) {
        this.reader = new BatchReader(json, maxBytes, MAX_ROWS);
        this.accessLog = accessLog;
        this.people = people;
        this.estate = estate;
        this.clock = clock;
        this.checks = checks;
        this.store = store;
        this.worker = worker;
    }

    /** A batch from a stream (the request body, an uploaded file), read within the byte and row limits. */
    public Submission submit(InputStream body, boolean csv, Mode mode, String clientId, Official official) {
        if (clientId != null && (clientId.isBlank() || clientId.length() > 100)) {
            throw new InvalidRequestException("batchId", "at most 100 characters");
        }
        Optional<BatchReport> seen = clientId == null ? Optional.empty() : store.byClientId(clientId, official);
        if (seen.isPresent() && !seen.get().status().equals("INTERRUPTED")) {
            return new Submission(seen.get(), true);
        }
        BatchReader.Batch batch = reader.read(body, csv, mode.name());
        String hash = batch.contentHash();
        if (seen.isEmpty()) {
            seen = store.byHash(hash, official);
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
        BatchChecks.Checked checked = checks.check(rows, official);
        String id = resumed == null ? UUID.randomUUID().toString() : resumed.id();
        boolean rejected = !checked.errors().isEmpty() && mode == Mode.ALL_OR_NOTHING;
        String status = rejected ? "REJECTED" : checked.toAdmit().isEmpty() ? "DONE" : "ADMITTING";
        String message = rejected ? "The batch has errors; nobody was admitted. Correct them, or submit again with "
                + "mode=VALID_ONLY to admit the valid rows only."
                : resumed != null ? "Sent again after an interruption (nobody had been admitted)." : null;
        BatchReport report = new BatchReport(id, status, csv ? "CSV" : "JSON", mode.name(), rows.size(), 0, 0,
                checked.held().size(), checked.errors(), checked.held(), official.username(), clock.instant(),
                rejected || checked.toAdmit().isEmpty() ? clock.instant() : null, message);
        // Two identical submissions at the same moment: the unique keys let one in, the other gets its report.
        if (!store.store(report, clientId, hash, resumed != null)) {
            return new Submission(store.find(clientId, hash, official).orElseThrow(() ->
                    new ConflictException(ErrorCode.IN_PROGRESS, "The same batch is being received; try again")), true);
        }
        logCandidates(report, official);
        if (status.equals("ADMITTING")) {
            worker.start(id, checked.toAdmit(), official);
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
        store.lock(batchId);
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
        store.resolved(updated);
        return updated;
    }

    /**
     * A batch report names people: the official who sent it and those with national scope may read it, and each
     * read is in the access log with the known people it names.
     */
    public BatchReport status(String id, Official official) {
        BatchReport r = store.byId(id)
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
}
