package org.custodia.people.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class PeopleUiController {
    private final PeopleService people;
    private final LedgerService ledger;
    private final AccessLog accessLog;

    PeopleUiController(PeopleService people, LedgerService ledger, AccessLog accessLog) {
        this.people = people;
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String person(@PathVariable long id, Model model) {
        PersonRecord p = people.find(id, Officials.current());
        accessLog.record("READ_PERSON", "person", Long.toString(id), "ui");
        model.addAttribute("person", p);
        model.addAttribute("history", ledger.historyOf(id));
        return "people/person";
    }
}
