package org.custodia.legal.internal;

import org.custodia.accounts.AccessLog;
import java.util.List;
import org.custodia.legal.HearingService;
import org.custodia.legal.PretrialWatch;
import org.custodia.legal.ReleaseWatch;
import org.custodia.legal.SentenceService;
import org.custodia.legal.TransferGroundsService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The sentences section of the person page, loaded into it by htmx (the people module does not know legal). */
@Controller
class LegalUiController {
    private final SentenceService sentences;
    private final PretrialWatch pretrial;
    private final AccessLog accessLog;
    private final TransferGroundsService transfers;
    private final ReleaseWatch releases;
    private final HearingService hearings;

    LegalUiController(SentenceService sentences, PretrialWatch pretrial, AccessLog accessLog,
                      TransferGroundsService transfers, ReleaseWatch releases, HearingService hearings) {
        this.hearings = hearings;
        this.releases = releases;
        this.transfers = transfers;
        this.sentences = sentences;
        this.pretrial = pretrial;
        this.accessLog = accessLog;
    }

    @GetMapping("/worklists/pretrial")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    String pretrial(@RequestParam(required = false) String facility, Model model) {
        PretrialWatch.Worklist w = pretrial.worklist(Officials.current(), facility);
        accessLog.record("READ_PRETRIAL_WORKLIST", "worklist", facility, "ui");
        model.addAttribute("worklist", w);
        model.addAttribute("transfers", transfers.figures(Officials.current()));
        List<ReleaseWatch.Entry> due = releases.due(Officials.current(), facility);
        model.addAttribute("releaseDue", due.subList(0, Math.min(500, due.size())));
        model.addAttribute("releaseDueCount", due.size());
        model.addAttribute("facility", facility);
        List<PretrialWatch.Entry> limits = w.entries().stream()
                .filter(e -> e.status() != PretrialWatch.Status.EXTENDED).toList();
        model.addAttribute("shown", limits.subList(0, Math.min(500, limits.size())));
        model.addAttribute("shownOf", limits.size());
        // every extension that keeps someone past their legal limit, apart, for the inspector to review
        model.addAttribute("extended", w.entries().stream()
                .filter(e -> e.status() == PretrialWatch.Status.EXTENDED).limit(500).toList());
        return "legal/pretrial";
    }

    @GetMapping("/people/{id}/sentences")
    @PreAuthorize(Access.PERSON_READERS)
    String sentences(@PathVariable long id, Model model) {
        model.addAttribute("s", accessLog.personRead("READ_SENTENCES_AND_HEARINGS", id, "ui",
                () -> sentences.sentences(id, Officials.current())));
        model.addAttribute("grounds", transfers.grounds(id, Officials.current()));
        model.addAttribute("hearings", hearings.hearings(id, Officials.current()));
        model.addAttribute("lawyers", hearings.representation(id, Officials.current()));
        return "legal/sentences :: sentences";
    }
}
