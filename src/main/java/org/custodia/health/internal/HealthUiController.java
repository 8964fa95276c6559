package org.custodia.health.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Occupancy;
import org.custodia.health.HealthFigures;
import org.custodia.health.Priority;
import org.custodia.health.ScreeningService;
import org.custodia.health.SickCallService;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health staff's page of a facility: its figures against the clocks, the sick-call queue (overdue first, triage
 * from the list) and the stays still owed their reception screening. Health staff only.
 */
@Controller
class HealthUiController {
    private final HealthFigures figures;
    private final SickCallService sickCalls;
    private final ScreeningService screening;
    private final AccessLog accessLog;
    private final LocalDays local;
    private final EstateService estate;

    HealthUiController(HealthFigures figures, SickCallService sickCalls, ScreeningService screening,
                       AccessLog accessLog, LocalDays local, EstateService estate) {
        this.estate = estate;
        this.figures = figures;
        this.sickCalls = sickCalls;
        this.screening = screening;
        this.accessLog = accessLog;
        this.local = local;
    }

    @GetMapping("/health")
    @PreAuthorize(Access.HEALTH)
    String health(@RequestParam(required = false) String facility,
                  @RequestParam(defaultValue = "OVERDUE") SickCallService.State state, Model model) {
        Official o = Officials.current();
        // without a facility asked for: the first the official sees (the one they work in, for most)
        String f = facility == null || facility.isBlank() ? estate.facilities(o).stream().map(Occupancy::id)
                .sorted().findFirst().orElse(null) : facility;
        HealthFigures.Figures h = figures.of(f, null, null, o);
        Page<SickCallService.SickCall> queue = sickCalls.worklist(f, state, 0, 100, o);
        Page<ScreeningService.Unscreened> unscreened = screening.unscreened(f, true, 0, 100, o);
        accessLog.peopleRead("READ_SICK_CALL_WORKLIST", queue.items().stream().map(SickCallService.SickCall::personId)
                .toList(), "ui");
        accessLog.peopleRead("READ_SCREENING_WORKLIST", unscreened.items().stream()
                .map(ScreeningService.Unscreened::personId).toList(), "ui");
        model.addAttribute("facility", f);
        model.addAttribute("h", h);
        model.addAttribute("row", h.rows().getFirst());
        model.addAttribute("state", state);
        model.addAttribute("states", SickCallService.State.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("queue", queue);
        model.addAttribute("unscreened", unscreened);
        model.addAttribute("zone", local.zone());
        return "health/health";
    }

    @PostMapping("/health/sick-calls/{id}/triage")
    @PreAuthorize(Access.HEALTH)
    String triage(@PathVariable long id, @RequestParam Priority priority, @RequestParam String facility,
                  RedirectAttributes flash) {
        try {
            sickCalls.triage(id, new SickCallService.Triage(priority, null, null, null), Officials.current());
            flash.addFlashAttribute("triaged", id);
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/health?facility=" + facility;
    }
}
