package org.custodia.incidents.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.incidents.IncidentService;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident pages: a facility's incidents (newest first, by status and type), the form that reports one (local
 * time, the place by its code, the people by their number), and one incident with its history, the clashes the
 * housing rules find among its people, and a form to add what is learned later.
 */
@Controller
class IncidentsUiController {
    private final IncidentService incidents;
    private final EstateService estate;
    private final AccessLog accessLog;
    private final LocalDays local;

    IncidentsUiController(IncidentService incidents, EstateService estate, AccessLog accessLog, LocalDays local) {
        this.incidents = incidents;
        this.estate = estate;
        this.accessLog = accessLog;
        this.local = local;
    }

    @GetMapping("/facilities/{code}/incidents")
    @PreAuthorize(Access.PERSON_READERS)
    String list(@PathVariable String code, @RequestParam(required = false) IncidentService.Status status,
                @RequestParam(required = false) IncidentService.Type type, Model model) {
        Page<IncidentService.Incident> p = incidents.list(code, status, type, 0, 200, Officials.current());
        accessLog.peopleRead("READ_INCIDENTS", p.items().stream().flatMap(i -> i.people().stream())
                .map(IncidentService.Person::personId).distinct().toList(), "ui");
        model.addAttribute("facility", code);
        model.addAttribute("incidents", p);
        model.addAttribute("types", IncidentService.Type.values());
        model.addAttribute("roles", IncidentService.PersonRole.values());
        model.addAttribute("zone", local.zone());
        return "incidents/list";
    }

    @PostMapping("/facilities/{code}/incidents")
    @PreAuthorize(Access.CASE_REPORTERS)
    String report(@PathVariable String code, @RequestParam IncidentService.Type type,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                  @RequestParam(required = false) String place, @RequestParam String description,
                  @RequestParam(required = false) List<Long> personId,
                  @RequestParam(required = false) List<IncidentService.PersonRole> role,
                  RedirectAttributes flash) {
        try {
            Long location = place == null || place.isBlank() ? null : estate.location(code, place.strip())
                    .map(Location::id).orElseThrow(() -> new org.custodia.platform.InvalidRequestException("place",
                            "no place " + place.strip() + " in " + code));
            List<IncidentService.Involved> people = new ArrayList<>();
            for (int i = 0; personId != null && i < personId.size(); i++) {
                if (personId.get(i) != null) {
                    people.add(new IncidentService.Involved(personId.get(i), role != null && i < role.size()
                            ? role.get(i) : IncidentService.PersonRole.INVOLVED));
                }
            }
            IncidentService.Incident i = incidents.report(new IncidentService.NewIncident(code, type,
                    occurredAt.atZone(local.zone()).toInstant(), location, description, people, List.of(), true),
                    Officials.current());
            return "redirect:/incidents/" + i.id();
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
            return "redirect:/facilities/" + code + "/incidents";
        }
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String show(@PathVariable long id, Model model) {
        IncidentService.Incident i = incidents.find(id, Officials.current());
        accessLog.peopleRead("READ_INCIDENT", i.people().stream().map(IncidentService.Person::personId).toList(),
                "ui: incident " + id);
        model.addAttribute("i", i);
        model.addAttribute("zone", local.zone());
        return "incidents/incident";
    }

    @PostMapping("/incidents/{id}/additions")
    @PreAuthorize(Access.CASE_REPORTERS)
    String add(@PathVariable long id, @RequestParam String text, RedirectAttributes flash) {
        try {
            incidents.add(id, new IncidentService.Addition(text), Officials.current());
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/incidents/" + id;
    }
}
