package org.custodia.housing.internal;

import org.custodia.housing.AffiliationService;
import org.custodia.housing.GroupService;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The groups page: rivalries in force for all staff; command defines groups and sets or ends rivalries. */
@Controller
class GroupsUiController {
    private final AffiliationService affiliations;
    private final GroupService groups;

    GroupsUiController(AffiliationService affiliations, GroupService groups) {
        this.affiliations = affiliations;
        this.groups = groups;
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
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/housing/groups";
    }

    @PostMapping("/housing/rivalries")
    @PreAuthorize(Access.SEPARATION_POLICY)
    String setRivalry(@RequestParam String groupA, @RequestParam String groupB, @RequestParam String level,
                      @RequestParam String reason, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("outcome", groups.setRivalry(new GroupService.RivalryChange(groupA, groupB, level,
                    reason), Officials.current()));
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        }
        return "redirect:/housing/groups";
    }

}
