package org.custodia.counts.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.counts.CellCount;
import org.custodia.counts.Count;
import org.custodia.counts.CountDays;
import org.custodia.counts.CountKind;
import org.custodia.counts.CountService;
import org.custodia.counts.NewCount;
import org.custodia.counts.Reconciliation;
import org.custodia.counts.RollService;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
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

/**
 * The count pages: the day's counts of a facility (open one there), the reconciliation (explain, sign off), and the
 * handheld page that counts one cell a screen, showing the number expected only once the counted number is in.
 * The roll pages: national, and a facility by pavilion.
 */
@Controller
class CountsUiController {
    private final CountService counts;
    private final Reconciliation reconciliation;
    private final CountDays days;
    private final RollService roll;
    private final EstateService estate;
    private final AccessLog accessLog;
    private final LocalDays local;

    CountsUiController(CountService counts, Reconciliation reconciliation, CountDays days, RollService roll,
                       EstateService estate, AccessLog accessLog, LocalDays local) {
        this.counts = counts;
        this.reconciliation = reconciliation;
        this.days = days;
        this.roll = roll;
        this.estate = estate;
        this.accessLog = accessLog;
        this.local = local;
    }

    @GetMapping("/counts")
    @PreAuthorize(Access.ANY_STAFF)
    String counts(@RequestParam(required = false) String facility, Model model) {
        Official official = Officials.current();
        List<String> facilities = roll.national(official).lines().stream().map(RollService.Line::facilityCode)
                .toList();
        String chosen = facility != null ? facility : facilities.contains("CECOT") ? "CECOT"
                : facilities.isEmpty() ? null : facilities.getFirst();
        model.addAttribute("facilities", facilities);
        model.addAttribute("facility", chosen);
        model.addAttribute("zone", local.zone());
        if (chosen != null) {
            model.addAttribute("day", days.day(chosen, null, official));
        }
        return "counts/counts";
    }

    @PostMapping("/counts")
    @PreAuthorize(Access.MOVEMENTS)
    String open(@RequestParam String facility, @RequestParam CountKind kind,
                @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            Count c = counts.open(new NewCount(facility, kind, reason), Officials.current());
            return "redirect:/counts/" + c.id();
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
            return "redirect:/counts?facility=" + facility;
        }
    }

    @GetMapping("/counts/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String count(@PathVariable long id, Model model) {
        Count c = reconciliation.of(id, Officials.current());
        accessLog.peopleRead("READ_COUNT", c.attention().stream().flatMap(cell -> cell.expectedPeople().stream())
                .map(Count.Person::personId).distinct().toList(), "ui");
        model.addAttribute("count", c);
        model.addAttribute("zone", local.zone());
        model.addAttribute("cellIds", uncountedIds(c));
        return "counts/count";
    }

    @PostMapping("/counts/{id}/sign-off")
    @PreAuthorize(Access.COMMAND)
    String signOff(@PathVariable long id, RedirectAttributes flash) {
        try {
            counts.signOff(id, Officials.current());
            flash.addFlashAttribute("done", true);
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/counts/" + id;
    }

    @PostMapping("/counts/{id}/cells/{locationId}/explanation")
    @PreAuthorize(Access.MOVEMENTS)
    String explain(@PathVariable long id, @PathVariable long locationId, @RequestParam String explanation,
                   RedirectAttributes flash) {
        try {
            counts.explain(id, locationId, new CountService.Explanation(explanation), Officials.current());
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/counts/" + id;
    }

    /** The handheld page: the cell and a number to enter; nothing about who or how many are expected. */
    @GetMapping("/counts/{id}/cells/{locationId}")
    @PreAuthorize(Access.MOVEMENTS)
    String cell(@PathVariable long id, @PathVariable long locationId, Model model) {
        Count c = reconciliation.of(id, Officials.current());
        model.addAttribute("count", c);
        model.addAttribute("place", place(c, locationId));
        return "counts/cell";
    }

    @PostMapping("/counts/{id}/cells/{locationId}")
    @PreAuthorize(Access.MOVEMENTS)
    String submit(@PathVariable long id, @PathVariable long locationId, @RequestParam(required = false) Integer counted,
                  @RequestParam(required = false) List<Long> missing,
                  @RequestParam(required = false) String foundDescription,
                  @RequestParam(required = false) String note, Model model) {
        List<CellCount.Extra> extra = new ArrayList<>();
        if (foundDescription != null && !foundDescription.isBlank()) {
            extra.add(new CellCount.Extra(null, foundDescription));
        }
        // one reconciliation per submission, after it (the handheld page's progress and next cell): the service
        // checks that the place belongs to the count
        try {
            Count.Cell result = counts.submit(id, locationId, new CellCount(counted, missing, extra, note),
                    Officials.current());
            accessLog.peopleRead("READ_COUNT_CELL", result.expectedPeople().stream().map(Count.Person::personId)
                    .toList(), "ui");
            model.addAttribute("result", result);
        } catch (CustodiaException e) {
            model.addAttribute("error", e.forPeople());
        }
        Count c = reconciliation.of(id, Officials.current());
        model.addAttribute("count", c);
        model.addAttribute("place", place(c, locationId));
        List<Long> next = uncountedIds(c);
        model.addAttribute("next", next.isEmpty() ? null : next.getFirst());
        return "counts/cell";
    }

    @GetMapping("/roll")
    @PreAuthorize(Access.ANY_STAFF)
    String nationalRoll(Model model) {
        model.addAttribute("roll", roll.national(Officials.current()));
        model.addAttribute("national", true);
        return "counts/roll";
    }

    @GetMapping("/facilities/{code}/roll")
    @PreAuthorize(Access.ANY_STAFF)
    String facilityRoll(@PathVariable String code, Model model) {
        model.addAttribute("roll", roll.facility(code, Officials.current()));
        model.addAttribute("national", false);
        return "counts/roll";
    }

    private Location place(Count c, long locationId) {
        return estate.location(locationId).filter(l -> l.facilityCode().equals(c.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No cell " + locationId + " in count " + c.id()));
    }

    /** The ids of the places still to count, in the order of their codes. */
    private static List<Long> uncountedIds(Count c) {
        return c.uncounted().stream().map(Count.Place::locationId).toList();
    }
}
