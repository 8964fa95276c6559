package org.custodia.housing.internal;

import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.housing.PlanService;
import org.custodia.housing.RebalanceService;
import org.custodia.platform.Access;
import org.custodia.platform.ConflictException;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Plan pages: a placement or rebalancing plan for review, approved and applied or discarded; a rebalancing proposed. */
@Controller
class PlansUiController {
    private final PlanService plans;
    private final RebalanceService rebalancer;
    private final EstateService estate;

    PlansUiController(PlanService plans, RebalanceService rebalancer, EstateService estate) {
        this.plans = plans;
        this.rebalancer = rebalancer;
        this.estate = estate;
    }

    /** Proposes a rebalancing of the pavilion's cells and shows the plan for review. */
    @PostMapping("/housing/pavilions/{id}/rebalance")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    String rebalance(@PathVariable long id, @RequestParam(defaultValue = "10") int seconds,
                     RedirectAttributes flash) {
        Official official = Officials.current();
        try {
            String facility = estate.pavilionMap(id, official).facilityCode();
            PlanService.Plan plan = rebalancer.propose(new RebalanceService.RebalanceRequest(facility, List.of(id),
                    seconds, null), official);
            return "redirect:/housing/plans/" + plan.id();
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
            return "redirect:/housing/pavilions/" + id;
        }
    }

    /** A plan figure for the page: "xBefore" and "xAfter" become one row "x" showing before → after. */
    record Figure(String key, String value) {
    }

    static List<Figure> figures(Map<String, Object> summary) {
        List<Figure> out = new java.util.ArrayList<>();
        summary.forEach((k, v) -> {
            if (k.endsWith("Before")) {
                String key = k.substring(0, k.length() - "Before".length());
                out.add(new Figure(key, v + " → " + summary.getOrDefault(key + "After", "—")));
            } else if (!k.endsWith("After") || !summary.containsKey(k.replace("After", "Before"))) {
                out.add(new Figure(k, String.valueOf(v)));
            }
        });
        return out;
    }

    @GetMapping("/housing/plans/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String plan(@PathVariable long id, @RequestParam(defaultValue = "0") int offset, Model model) {
        PlanService.Plan plan = plans.plan(id, offset, 200, Officials.current());
        model.addAttribute("plan", plan);
        // four eyes: the proposer sees that the plan waits for another official
        model.addAttribute("ownPlan", plan.createdBy().equals(Officials.current().username()));
        model.addAttribute("figures", figures(plan.summary()));
        model.addAttribute("offset", offset);
        return "housing/plan";
    }

    @PostMapping("/housing/plans/{id}/apply")
    @PreAuthorize(Access.MOVEMENTS)
    String apply(@PathVariable long id, RedirectAttributes flash) {
        return decide(id, () -> plans.apply(id, Officials.current()), flash);
    }

    @PostMapping("/housing/plans/{id}/discard")
    @PreAuthorize(Access.MOVEMENTS)
    String discard(@PathVariable long id, RedirectAttributes flash) {
        return decide(id, () -> plans.discard(id, Officials.current()), flash);
    }

    /** Approves or discards; a plan the estate has outrun, or already decided, says so on its page. */
    private static String decide(long id, Runnable decision, RedirectAttributes flash) {
        try {
            decision.run();
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/housing/plans/" + id;
    }
}
