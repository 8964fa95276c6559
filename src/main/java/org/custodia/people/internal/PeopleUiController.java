package org.custodia.people.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleSearch;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PeopleUiController {
    private final PeopleService people;
    private final LedgerService ledger;
    private final AccessLog accessLog;
    private final PeopleSearch search;

    PeopleUiController(PeopleService people, LedgerService ledger, AccessLog accessLog, PeopleSearch search) {
        this.search = search;
        this.people = people;
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    @GetMapping("/search")
    @PreAuthorize(Access.PERSON_READERS)
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("hits", search.search(q, Officials.current(), 25));
                accessLog.record("SEARCH_PEOPLE", "search", null, q);
            } catch (CustodiaException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "people/search";
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
