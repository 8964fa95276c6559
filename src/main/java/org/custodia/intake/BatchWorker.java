package org.custodia.intake;

import java.util.List;
import java.util.UUID;
import org.custodia.people.Admission;
import org.custodia.people.PeopleService;
import org.custodia.platform.Official;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admits a batch's rows in one transaction on the application's task executor, writing progress as it goes; at
 * start, marks batches a dead process left admitting as INTERRUPTED (nobody was admitted: one transaction).
 */
@Component
class BatchWorker {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);
    private static final int CHUNK = 500;
    static final String INTERRUPTED = "Interrupted by a stop of the service before it was committed: nobody in this "
            + "batch was admitted. Send it again (same batch id or same file) to admit it.";

    private final BatchStore store;
    private final PeopleService people;
    private final TransactionTemplate tx;
    private final TaskExecutor executor;

    BatchWorker(BatchStore store, PeopleService people, TransactionTemplate tx,
                @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.store = store;
        this.people = people;
        this.tx = tx;
        this.executor = executor;
    }

    void start(String id, List<Admission> toAdmit, Official official) {
        executor.execute(() -> admit(id, toAdmit, official));
    }

    private void admit(String id, List<Admission> toAdmit, Official official) {
        try {
            boolean ran = Boolean.TRUE.equals(tx.execute(s -> {
                store.holdWorkerLock(id);
                if (!"ADMITTING".equals(store.status(id))) {
                    return false; // marked interrupted by a start-up before this worker ran: resubmitted instead
                }
                int done = 0;
                for (int from = 0; from < toAdmit.size(); from += CHUNK) {
                    List<Admission> chunk = toAdmit.subList(from, Math.min(toAdmit.size(), from + CHUNK));
                    people.admitBatch(chunk, official);
                    done += chunk.size();
                    store.progress(id, done);
                }
                return true;
            }));
            if (ran) {
                store.finish(id, "DONE", toAdmit.size(), null);
            }
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Batch {} failed, error id {}", id, errorId, e);
            store.finish(id, "FAILED", 0, "Nobody in this batch was admitted (error id " + errorId + ", in the log)");
        }
    }

    /**
     * At start: a batch left admitting by a process that died admitted nobody (one transaction), and no live
     * worker holds its lock. It is marked INTERRUPTED; sending it again (same batch id or same content) admits it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void markInterrupted() {
        for (String id : store.unfinished()) {
            Boolean interrupted = tx.execute(s -> {
                if (!store.tryWorkerLock(id)) {
                    return false; // another live process is admitting it
                }
                store.finish(id, "INTERRUPTED", 0, INTERRUPTED);
                return true;
            });
            if (Boolean.TRUE.equals(interrupted)) {
                LOG.warn("Batch {} was interrupted by a stop before it was committed; nobody was admitted", id);
            }
        }
    }
}
