package org.custodia.housing.internal;

import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.MoveService.MoveRequest;
import org.custodia.housing.MoveService;
import org.custodia.housing.placement.CellViews;
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

/** Housing pages: affiliation section, pavilion map with group composition, cell page with move dialog. */
@Controller
class HousingUiController {
    private final AffiliationService affiliations;
    private final CellViews cells;
    private final EstateService estate;
    private final MoveService moves;

    private final AccessLog accessLog;

    HousingUiController(AffiliationService affiliations, CellViews cells, EstateService estate, MoveService moves,
                        AccessLog accessLog) {
        this.accessLog = accessLog;
        this.affiliations = affiliations;
        this.cells = cells;
        this.estate = estate;
        this.moves = moves;
    }

    @GetMapping("/people/{id}/affiliations")
    @PreAuthorize(Access.PERSON_READERS)
    String claims(@PathVariable long id, Model model) {
        model.addAttribute("claims", accessLog.personRead("READ_AFFILIATIONS", id, "ui",
                () -> affiliations.claims(id, Officials.current())));
        return "housing/affiliations :: claims";
    }

    @GetMapping("/housing/pavilions/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String pavilion(@PathVariable long id, Model model) {
        model.addAttribute("map", estate.pavilionMap(id, Officials.current()));
        model.addAttribute("groups", cells.pavilionGroups(id));
        return "housing/pavilion";
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

    private Location target(long personId, String toCell, Official official) {
        String facility = moves.facilityOf(personId, official);
        return estate.location(facility, toCell == null ? "" : toCell.strip())
                .orElseThrow(() -> new org.custodia.platform.InvalidRequestException("toCell",
                        "no location " + toCell + " in " + facility));
    }
}
