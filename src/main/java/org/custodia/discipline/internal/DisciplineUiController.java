package org.custodia.discipline.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.discipline.DisciplinaryCharges;
import org.custodia.discipline.SanctionKind;
import org.custodia.discipline.SolitaryService;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
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
 * The discipline pages: a facility's charges awaiting a hearing, the hearing of one charge (command decides; a
 * forbidden sanction is answered with its rule), and the solitary confinement register with its day counter.
 */
@Controller
class DisciplineUiController {
    private final DisciplinaryCharges charges;
    private final SolitaryService solitary;
    private final AccessLog accessLog;
    private final LocalDays local;

    DisciplineUiController(DisciplinaryCharges charges, SolitaryService solitary, AccessLog accessLog,
                           LocalDays local) {
        this.charges = charges;
        this.solitary = solitary;
        this.accessLog = accessLog;
        this.local = local;
    }

    @GetMapping("/facilities/{code}/discipline")
    @PreAuthorize(Access.PERSON_READERS)
    String pending(@PathVariable String code, Model model) {
        Page<DisciplinaryCharges.Charge> p = charges.pending(code, 0, 200, Officials.current());
        accessLog.peopleRead("READ_DISCIPLINE_PENDING", p.items().stream().map(DisciplinaryCharges.Charge::personId)
                .toList(), "ui");
        model.addAttribute("facility", code);
        model.addAttribute("charges", p);
        model.addAttribute("zone", local.zone());
        return "discipline/pending";
    }

    @GetMapping("/discipline/charges/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String charge(@PathVariable long id, Model model) {
        DisciplinaryCharges.Charge c = charges.find(id, Officials.current());
        accessLog.record("READ_DISCIPLINE_CHARGE", "person", Long.toString(c.personId()), "ui: charge " + id);
        model.addAttribute("charge", c);
        model.addAttribute("outcomes", DisciplinaryCharges.Outcome.values());
        model.addAttribute("kinds", SanctionKind.values());
        model.addAttribute("zone", local.zone());
        return "discipline/charge";
    }

    @PostMapping("/discipline/charges/{id}/decision")
    @PreAuthorize(Access.COMMAND)
    String decide(@PathVariable long id, @RequestParam DisciplinaryCharges.Outcome outcome,
                  @RequestParam String personsAccount, @RequestParam(required = false) String findings,
                  @RequestParam(required = false) SanctionKind sanction,
                  @RequestParam(required = false) Integer days, RedirectAttributes flash) {
        List<DisciplinaryCharges.Sanction> sanctions = new ArrayList<>();
        if (sanction != null) {
            sanctions.add(new DisciplinaryCharges.Sanction(sanction, days, null));
        }
        try {
            charges.decide(id, new DisciplinaryCharges.Decision(outcome, personsAccount, findings, sanctions),
                    Officials.current());
            flash.addFlashAttribute("done", true);
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/discipline/charges/" + id;
    }

    @GetMapping("/facilities/{code}/solitary")
    @PreAuthorize(Access.PERSON_READERS)
    String register(@PathVariable String code, Model model) {
        Page<SolitaryService.Placement> p = solitary.register(code, false, 0, 500, Officials.current());
        accessLog.peopleRead("READ_SOLITARY_REGISTER", p.items().stream().map(SolitaryService.Placement::personId)
                .toList(), "ui");
        model.addAttribute("facility", code);
        model.addAttribute("placements", p);
        model.addAttribute("zone", local.zone());
        return "discipline/solitary";
    }
}
