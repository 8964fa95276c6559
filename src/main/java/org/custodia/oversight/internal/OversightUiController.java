package org.custodia.oversight.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.oversight.DeathFigures;
import org.custodia.oversight.SeriousCases;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The independent authority's pages: deaths per 1,000 and the cases reported (newest first, unacknowledged marked),
 * and one case with its notifications; an official named as involved is refused the case.
 */
@Controller
class OversightUiController {
    private final SeriousCases cases;
    private final DeathFigures deaths;
    private final AccessLog accessLog;
    private final LocalDays local;

    OversightUiController(SeriousCases cases, DeathFigures deaths, AccessLog accessLog, LocalDays local) {
        this.cases = cases;
        this.deaths = deaths;
        this.accessLog = accessLog;
        this.local = local;
    }

    @GetMapping("/serious-cases")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    String list(@RequestParam(required = false) SeriousCases.Kind kind, Model model) {
        Page<SeriousCases.Case> p = cases.list(null, kind, null, 0, 200, Officials.current());
        accessLog.peopleRead("READ_SERIOUS_CASES", p.items().stream().map(SeriousCases.Case::personId).toList(),
                "ui");
        model.addAttribute("cases", p);
        model.addAttribute("deaths", deaths.of(Officials.current()));
        model.addAttribute("kind", kind);
        model.addAttribute("zone", local.zone());
        return "oversight/cases";
    }

    @GetMapping("/serious-cases/{id}")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    String show(@PathVariable long id, Model model) {
        SeriousCases.Case c;
        try {
            c = cases.find(id, Officials.current());
        } catch (AccessDeniedException e) {
            accessLog.refused("READ_SERIOUS_CASE", "case", Long.toString(id), "named as involved (ui)");
            throw e;
        }
        accessLog.record("READ_SERIOUS_CASE", "person", Long.toString(c.personId()), "ui: case " + id);
        model.addAttribute("c", c);
        model.addAttribute("zone", local.zone());
        return "oversight/case";
    }

    @PostMapping("/serious-cases/{id}/acknowledgement")
    @PreAuthorize(Access.AUDITORS)
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        try {
            cases.acknowledge(id, Officials.current());
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/serious-cases/" + id;
    }
}
