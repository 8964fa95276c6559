package org.custodia.legal.internal;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.legal.Charge;
import org.custodia.legal.ChargeService;
import org.custodia.legal.HearingService;
import org.custodia.legal.NewCharge;
import org.custodia.legal.NewSentence;
import org.custodia.legal.PretrialWatch;
import org.custodia.legal.ReleaseWatch;
import org.custodia.legal.SentenceService;
import org.custodia.legal.TransferGroundsService;
import org.custodia.platform.Access;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Text;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class LegalApiController {
    private final SentenceService sentences;
    private final AccessLog accessLog;
    private final ChargeService charges;
    private final PretrialWatch pretrial;
    private final TransferGroundsService transfers;
    private final ReleaseWatch releases;
    private final HearingService hearings;

    LegalApiController(SentenceService sentences, AccessLog accessLog, ChargeService charges, PretrialWatch pretrial,
                       TransferGroundsService transfers, ReleaseWatch releases, HearingService hearings) {
        this.hearings = hearings;
        this.releases = releases;
        this.transfers = transfers;
        this.sentences = sentences;
        this.charges = charges;
        this.pretrial = pretrial;
        this.accessLog = accessLog;
    }

    @GetMapping("/people/{id}/sentences")
    @PreAuthorize(Access.PERSON_READERS)
    SentenceService.Sentences list(@PathVariable long id) {
        return accessLog.personRead("READ_SENTENCES", id, "api", () -> sentences.sentences(id, Officials.current()));
    }

    @PostMapping("/people/{id}/sentences")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    SentenceService.Sentences record(@PathVariable long id, @RequestBody @Valid NewSentence sentence) {
        return sentences.record(id, sentence, Officials.current());
    }

    record Extension(@Text(max = 2000, multiline = true) String legalBasis,
                     @Text(max = 2000, multiline = true) String courtResolution,
                     @Day(earliest = "2000-01-01", daysAhead = 3660) LocalDate expiresOn) {
    }

    @GetMapping("/people/{id}/charges")
    @PreAuthorize(Access.PERSON_READERS)
    List<Charge> charges(@PathVariable long id) {
        return accessLog.personRead("READ_CHARGES", id, "api", () -> charges.charges(id, Officials.current()));
    }

    @PostMapping("/people/{id}/charges")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    Charge charge(@PathVariable long id, @RequestBody @Valid NewCharge charge) {
        return charges.record(id, charge, Officials.current());
    }

    @PostMapping("/people/{id}/pretrial-extensions")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    void extend(@PathVariable long id, @RequestBody @Valid Extension e) {
        charges.extend(id, e.legalBasis(), e.courtResolution(), e.expiresOn(), Officials.current());
    }

    @GetMapping("/people/{id}/transfer-grounds")
    @PreAuthorize(Access.PERSON_READERS)
    TransferGroundsService.Grounds grounds(@PathVariable long id) {
        TransferGroundsService.Grounds g = transfers.grounds(id, Officials.current());
        accessLog.record("READ_TRANSFER_GROUNDS", "person", Long.toString(id), "api");
        if (g == null) {
            throw new NotFoundException("No grounds recorded for person " + id);
        }
        return g;
    }

    @PostMapping("/people/{id}/transfer-grounds")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    TransferGroundsService.Grounds recordGrounds(@PathVariable long id,
                                                 @RequestBody @Valid TransferGroundsService.NewGrounds g) {
        return transfers.record(id, g, Officials.current());
    }

    record Outcome(@Text(max = 4000, multiline = true) String outcome) {
    }

    @GetMapping("/people/{id}/hearings")
    @PreAuthorize(Access.PERSON_READERS)
    List<HearingService.Hearing> hearings(@PathVariable long id) {
        return accessLog.personRead("READ_HEARINGS", id, "api", () -> hearings.hearings(id, Officials.current()));
    }

    @PostMapping("/people/{id}/hearings")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    HearingService.Hearing schedule(@PathVariable long id, @RequestBody @Valid HearingService.NewHearing h) {
        return hearings.schedule(id, h, Officials.current());
    }

    @PostMapping("/hearings/{hearingId}/outcome")
    @PreAuthorize(Access.RECORDS)
    HearingService.Hearing outcome(@PathVariable long hearingId, @RequestBody @Valid Outcome o) {
        return hearings.recordOutcome(hearingId, o.outcome(), Officials.current());
    }

    @GetMapping("/people/{id}/representation")
    @PreAuthorize(Access.PERSON_READERS)
    List<HearingService.Representation> representation(@PathVariable long id) {
        return accessLog.personRead("READ_REPRESENTATION", id, "api",
                () -> hearings.representation(id, Officials.current()));
    }

    @PostMapping("/people/{id}/representation")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    HearingService.Representation represent(@PathVariable long id, @RequestBody @Valid HearingService.NewRepresentation r) {
        return hearings.represent(id, r, Officials.current());
    }

    /** Sentenced people whose earliest release date is today or has passed. */
    @GetMapping("/worklists/release")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    List<ReleaseWatch.Entry> release(@RequestParam(required = false) String facility) {
        List<ReleaseWatch.Entry> due = releases.due(Officials.current(), facility);
        accessLog.record("READ_RELEASE_WORKLIST", "worklist", facility, "api");
        return due;
    }

    /** People held for another state per facility: grounds recorded, none recorded, no evidence provided. */
    @GetMapping("/figures/transfers-in")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    List<TransferGroundsService.FacilityFigures> transferFigures() {
        return transfers.figures(Officials.current());
    }

    /** Everyone within 30 days of a pretrial limit or past it, with counts per facility. */
    @GetMapping("/worklists/pretrial")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    PretrialWatch.Worklist pretrial(@RequestParam(required = false) String facility) {
        PretrialWatch.Worklist w = pretrial.worklist(Officials.current(), facility);
        accessLog.record("READ_PRETRIAL_WORKLIST", "worklist", facility, "api");
        return w;
    }
}
