package org.custodia.legal.internal;

import org.custodia.legal.SentenceService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The sentences section of the person page, loaded into it by htmx (the people module does not know legal). */
@Controller
class LegalUiController {
    private final SentenceService sentences;

    LegalUiController(SentenceService sentences) {
        this.sentences = sentences;
    }

    @GetMapping("/people/{id}/sentences")
    @PreAuthorize(Access.PERSON_READERS)
    String sentences(@PathVariable long id, Model model) {
        model.addAttribute("s", sentences.sentences(id, Officials.current()));
        return "legal/sentences :: sentences";
    }
}
