package org.custodia.housing.internal;

import org.custodia.housing.AffiliationService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The affiliation claims section of the person page, loaded into it by htmx. */
@Controller
class HousingUiController {
    private final AffiliationService affiliations;

    HousingUiController(AffiliationService affiliations) {
        this.affiliations = affiliations;
    }

    @GetMapping("/people/{id}/affiliations")
    @PreAuthorize(Access.PERSON_READERS)
    String claims(@PathVariable long id, Model model) {
        model.addAttribute("claims", affiliations.claims(id, Officials.current()));
        return "housing/affiliations :: claims";
    }
}
