package org.custodia.housing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.custodia.estate.EstateService;
import org.custodia.housing.placement.HousingData;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.Rebalancer;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebalancing plans: the {@link Rebalancer} works on a snapshot of a facility (or some of its pavilions) for a
 * time budget, outside any transaction, and its plan is stored for approval like a placement plan. Applying it
 * re-checks every move under lock, so an estate that changed meanwhile refuses the plan rather than half apply it.
 * One rebalancing runs at a time: it takes a processor for its whole budget.
 */
@Service
public class RebalanceService {
    public record RebalanceRequest(@Text(max = 100) String facilityCode,
                                   @Size(max = 1000) List<Long> pavilionIds,
                                   @Min(1) @Max(3600) Integer seconds,
                                   @Min(1) @Max(50000) Integer maxMoves) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RebalanceService.class);
    static final int DEFAULT_SECONDS = 10;
    static final int MAX_SECONDS = 60;
    static final int DEFAULT_MAX_MOVES = 500;

    private final ReentrantLock running = new ReentrantLock();
    private final JdbcClient client;
    private final EstateService estate;
    private final HousingData data;
    private final PlanService plans;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;

    RebalanceService(JdbcClient client, EstateService estate, HousingData data, PlanService plans,
                     PlatformTransactionManager transactions) {
        this.client = client;
        this.estate = estate;
        this.data = data;
        this.plans = plans;
        this.tx = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
    }

    public PlanService.Plan propose(RebalanceRequest r, Official official) {
        if (r == null || r.facilityCode() == null || r.facilityCode().isBlank()) {
            throw new InvalidRequestException("facilityCode", "required");
        }
        int seconds = r.seconds() == null ? DEFAULT_SECONDS : r.seconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new InvalidRequestException("seconds", "1 to " + MAX_SECONDS + " seconds");
        }
        int maxMoves = r.maxMoves() == null ? DEFAULT_MAX_MOVES : r.maxMoves();
        if (maxMoves < 1 || maxMoves > MoveService.MAX_MOVES) {
            throw new InvalidRequestException("maxMoves", "1 to " + MoveService.MAX_MOVES);
        }
        estate.requireVisible(r.facilityCode(), official);
        Set<Long> pavilions = pavilions(r);
        if (!running.tryLock()) {
            throw new ConflictException(ErrorCode.IN_PROGRESS,
                    "A rebalancing is already running; propose again when it has finished");
        }
        try {
            HousingState state = Objects.requireNonNull(snapshot.execute(s -> data.rebalancing(r.facilityCode())));
            Rebalancer.Outcome o = Rebalancer.rebalance(state, r.facilityCode(), pavilions,
                    Duration.ofSeconds(seconds), maxMoves);
            Map<String, Object> summary = summary(o, pavilionCodes(pavilions), seconds, maxMoves);
            PlanService.Plan plan = Objects.requireNonNull(tx.execute(s -> plans.store(r.facilityCode(),
                    "REBALANCE", o.moves(), o.dropped(), summary, official)));
            log.info("Rebalancing plan {} for {} by {}: {} moves, {} dropped on re-check, score {}, {} ms", plan.id(),
                    r.facilityCode(), official.username(), o.moves().size(), o.dropped().size(), o.score(), o.millis());
            return plan;
        } finally {
            running.unlock();
        }
    }

    private Set<Long> pavilions(RebalanceRequest r) {
        if (r.pavilionIds() == null || r.pavilionIds().isEmpty()) {
            return Set.of();
        }
        if (r.pavilionIds().stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("pavilionIds", "no nulls");
        }
        Set<Long> ids = new HashSet<>(r.pavilionIds());
        long found = client.sql("select count(*) from estate_pavilion where id = any(?) and facility_code = ?")
                .params(ids.toArray(Long[]::new), r.facilityCode()).query(Long.class).single();
        if (found != ids.size()) {
            throw new InvalidRequestException("pavilionIds", "every pavilion must belong to " + r.facilityCode());
        }
        return ids;
    }

    private List<String> pavilionCodes(Set<Long> ids) {
        return client.sql("select code from estate_pavilion where id = any(?) order by code")
                .param(ids.toArray(Long[]::new)).query(String.class).list();
    }

    private static Map<String, Object> summary(Rebalancer.Outcome o, List<String> pavilions, int seconds,
                                               int maxMoves) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("people", o.before().people());
        s.put("cells", o.before().cells());
        s.put("pavilions", pavilions.isEmpty() ? "*" : String.join(", ", pavilions));
        s.put("moves", o.moves().size());
        s.put("droppedOnRecheck", o.dropped().size());
        s.put("pinned", o.pinned());
        s.put("coDefendantPairsBefore", o.before().coDefendantPairs());
        s.put("coDefendantPairsAfter", o.after().coDefendantPairs());
        s.put("maxPopulationBefore", o.before().maxPopulation());
        s.put("maxPopulationAfter", o.after().maxPopulation());
        s.put("cellsOverLimitBefore", o.before().cellsOverLimit());
        s.put("cellsOverLimitAfter", o.after().cellsOverLimit());
        s.put("minAreaPerPersonBefore", o.before().minAreaPerPerson());
        s.put("minAreaPerPersonAfter", o.after().minAreaPerPerson());
        s.put("crowdingBefore", o.before().crowding());
        s.put("crowdingAfter", o.after().crowding());
        s.put("score", o.score());
        s.put("budgetSeconds", seconds);
        s.put("maxMoves", maxMoves);
        s.put("millis", o.millis());
        return s;
    }
}
