package org.custodia.housing.internal;

import java.util.List;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.CellViews;
import org.custodia.housing.GroupService;
import org.custodia.housing.MoveService;
import org.custodia.housing.MoveService.MoveRequest;
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

/** Housing pages: affiliation section, pavilion map with group composition, cell page with move dialog, plans. */
@Controller
class HousingUiController {
    private final AffiliationService affiliations;
    private final CellViews cells;
    private final EstateService estate;
    private final MoveService moves;
    private final PlanService plans;
    private final RebalanceService rebalancer;
    private final GroupService groups;

    HousingUiController(AffiliationService affiliations, CellViews cells, EstateService estate, MoveService moves,
                        PlanService plans, RebalanceService rebalancer, GroupService groups) {
        this.rebalancer = rebalancer;
        this.groups = groups;
        this.affiliations = affiliations;
        this.cells = cells;
        this.estate = estate;
        this.moves = moves;
        this.plans = plans;
    }

    @GetMapping("/people/{id}/affiliations")
    @PreAuthorize(Access.PERSON_READERS)
    String claims(@PathVariable long id, Model model) {
        model.addAttribute("claims", affiliations.claims(id, Officials.current()));
        return "housing/affiliations :: claims";
    }

    /** The groups separation knows and which pairs are kept apart; command changes them here. */
    @GetMapping("/housing/groups")
    @PreAuthorize(Access.PERSON_READERS)
    String groups(Model model) {
        model.addAttribute("groups", affiliations.groups());
        model.addAttribute("rivalries", affiliations.rivalries());
        return "housing/groups";
    }

    @PostMapping("/housing/groups")
    @PreAuthorize(Access.SEPARATION_POLICY)
    String defineGroup(@RequestParam String code, @RequestParam String name, RedirectAttributes flash) {
        try {
            AffiliationService.Group g = groups.define(new GroupService.NewGroup(code.strip(), name),
                    Officials.current());
            flash.addFlashAttribute("done", g.code());
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", explained(e));
        }
        return "redirect:/housing/groups";
    }

    /** The message with each field's reason, for a person reading the page. */
    private static String explained(CustodiaException e) {
        return e instanceof org.custodia.platform.InvalidRequestException i && !i.errors().isEmpty()
                ? e.getMessage() + ": " + i.errors().entrySet().stream().map(x -> x.getKey() + " — " + x.getValue())
                        .collect(java.util.stream.Collectors.joining("; "))
                : e.getMessage();
    }

    @PostMapping("/housing/rivalries")
    @PreAuthorize(Access.SEPARATION_POLICY)
    String setRivalry(@RequestParam String groupA, @RequestParam String groupB, @RequestParam String level,
                      @RequestParam String reason, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("outcome", groups.setRivalry(new GroupService.RivalryChange(groupA, groupB, level,
                    reason), Officials.current()));
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", explained(e));
        }
        return "redirect:/housing/groups";
    }

    @GetMapping("/housing/pavilions/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String pavilion(@PathVariable long id, Model model) {
        model.addAttribute("map", estate.pavilionMap(id, Officials.current()));
        model.addAttribute("groups", cells.pavilionGroups(id));
        return "housing/pavilion";
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
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/housing/pavilions/" + id;
        }
    }

    @GetMapping("/housing/cells/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String cell(@PathVariable long id, Model model) {
        CellViews.CellView cell = cells.cell(id, Officials.current());
        model.addAttribute("cell", cell);
        model.addAttribute("withRoom", cells.withRoom(cell.facilityCode()));
        return "housing/cell";
    }

    /** The move dialog's rule check: what the move would break, before anything is committed. */
    @PostMapping("/housing/moves/check")
    @PreAuthorize(Access.MOVEMENTS)
    String check(@RequestParam long personId, @RequestParam String toCell, Model model) {
        Official official = Officials.current();
        try {
            Location to = target(personId, toCell, official);
            model.addAttribute("check", moves.check(List.of(new MoveRequest(personId, to.id())), official).getFirst());
        } catch (CustodiaException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("personId", personId);
        model.addAttribute("toCell", toCell);
        return "housing/cell :: check";
    }

    @PostMapping("/housing/moves")
    @PreAuthorize(Access.MOVEMENTS)
    String move(@RequestParam long personId, @RequestParam String toCell, @RequestParam String reason,
                @RequestParam(required = false) String overrideReason, Model model, RedirectAttributes flash) {
        Official official = Officials.current();
        try {
            Location to = target(personId, toCell, official);
            moves.move(List.of(new MoveRequest(personId, to.id())), reason, overrideReason, official);
            flash.addFlashAttribute("moved", personId);
            return "redirect:/housing/cells/" + to.id();
        } catch (CustodiaException e) {
            model.addAttribute("error", e.getMessage());
            if (e instanceof ConflictException c && c.details().get("refused") instanceof List<?> l) {
                model.addAttribute("check", l.getFirst());
            }
            model.addAttribute("personId", personId);
            model.addAttribute("toCell", toCell);
            return "housing/cell :: check";
        }
    }

    /** A plan figure for the page: "xBefore" and "xAfter" become one row "x" showing before → after. */
    record Figure(String key, String value) {
    }

    static List<Figure> figures(java.util.Map<String, Object> summary) {
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

    private Location target(long personId, String toCell, Official official) {
        String facility = moves.facilityOf(personId, official);
        return estate.location(facility, toCell == null ? "" : toCell.strip())
                .orElseThrow(() -> new org.custodia.platform.InvalidRequestException("toCell",
                        "no location " + toCell + " in " + facility));
    }

    @GetMapping("/housing/plans/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String plan(@PathVariable long id, @RequestParam(defaultValue = "0") int offset, Model model) {
        PlanService.Plan plan = plans.plan(id, offset, 200, Officials.current());
        model.addAttribute("plan", plan);
        model.addAttribute("figures", figures(plan.summary()));
        model.addAttribute("offset", offset);
        return "housing/plan";
    }

    @PostMapping("/housing/plans/{id}/apply")
    @PreAuthorize(Access.MOVEMENTS)
    String apply(@PathVariable long id, RedirectAttributes flash) {
        try {
            plans.apply(id, Officials.current());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/housing/plans/" + id;
    }

    @PostMapping("/housing/plans/{id}/discard")
    @PreAuthorize(Access.MOVEMENTS)
    String discard(@PathVariable long id, RedirectAttributes flash) {
        try {
            plans.discard(id, Officials.current());
        } catch (ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/housing/plans/" + id;
    }
}
