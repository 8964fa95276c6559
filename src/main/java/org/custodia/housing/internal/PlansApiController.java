package org.custodia.housing.internal;

import jakarta.validation.Valid;
import org.custodia.accounts.AccessLog;
import org.custodia.housing.PlanService;
import org.custodia.housing.RebalanceService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Placement and rebalancing plans: proposed, read, approved and applied, or discarded. */
@RestController
@RequestMapping("/api/housing/plans")
class PlansApiController {
    private final PlanService plans;
    private final RebalanceService rebalancer;
    private final AccessLog accessLog;

    PlansApiController(PlanService plans, RebalanceService rebalancer, AccessLog accessLog) {
        this.plans = plans;
        this.rebalancer = rebalancer;
        this.accessLog = accessLog;
    }

    @PostMapping
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    PlanService.Plan propose(@RequestBody @Valid PlanService.PlanRequest r) {
        return plans.propose(r, Officials.current());
    }

    /** A rebalancing plan (Timefold) for a facility or some of its pavilions; moves nobody until approved. */
    @PostMapping("/rebalance")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    PlanService.Plan rebalance(@RequestBody @Valid RebalanceService.RebalanceRequest r) {
        return rebalancer.propose(r, Officials.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    PlanService.Plan plan(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                          @RequestParam(defaultValue = "500") int limit) {
        accessLog.record("READ_HOUSING_PLAN", "plan", Long.toString(id), "api");
        return plans.plan(id, offset, limit, Officials.current());
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize(Access.MOVEMENTS)
    PlanService.Plan apply(@PathVariable long id) {
        return plans.apply(id, Officials.current());
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize(Access.MOVEMENTS)
    PlanService.Plan discard(@PathVariable long id) {
        return plans.discard(id, Officials.current());
    }
}
