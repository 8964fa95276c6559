package org.custodia.people.internal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.ledger.LedgerRecord;
import org.custodia.ledger.LedgerService;
import org.custodia.people.Admission;
import org.custodia.people.CustodyMovements;
import org.custodia.people.IdentityCorrection;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleSearch;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonFileService;
import org.custodia.people.PersonRecord;
import org.custodia.people.RecordCorrections;
import org.custodia.people.RecordEntry;
import org.custodia.people.RecordSection;
import org.custodia.people.ReleaseBasis;
import org.custodia.people.SearchHit;
import org.custodia.platform.Access;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
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
class PeopleApiController {
    private final PeopleService people;
    private final CustodyMovements custody;
    private final LedgerService ledger;
    private final EstateService estate;
    private final AccessLog accessLog;
    private final PeopleSearch search;
    private final PersonFileService files;

    private final RecordCorrections corrections;

    PeopleApiController(PeopleService people, CustodyMovements custody, LedgerService ledger, EstateService estate, AccessLog accessLog,
                        PeopleSearch search, PersonFileService files, RecordCorrections corrections) {
        this.corrections = corrections;
        this.files = files;
        this.people = people;
        this.custody = custody;
        this.search = search;
        this.ledger = ledger;
        this.estate = estate;
        this.accessLog = accessLog;
    }


    record ReleaseRequest(ReleaseBasis basis,
                          @Text(max = 300) String reference,
                          @Text(max = 200) String propertySignedBy) {
    }

    @GetMapping("/people/search")
    @PreAuthorize(Access.PERSON_READERS)
    List<SearchHit> search(@RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "20") int limit) {
        List<SearchHit> hits = search.search(q, Officials.current(), limit);
        // what was asked and who was returned
        accessLog.search(q, hits.stream().map(SearchHit::personId).toList(), "api search");
        return hits;
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    PersonRecord person(@PathVariable long id) {
        return accessLog.personRead("READ_PERSON", id, "api", () -> people.find(id, Officials.current()));
    }

    record FileEntryRequest(Map<String, Object> content, @Text(max = 100) String itemKey, Boolean noneDeclared) {
    }

    @GetMapping("/people/{id}/file")
    @PreAuthorize(Access.PERSON_READERS)
    PersonFileService.PersonFile file(@PathVariable long id) {
        return accessLog.personRead("READ_PERSON_FILE", id, "api", () -> files.file(id, Officials.current()));
    }

    /** Adds to a section of the MANDELA-7 file, or corrects an item ({@code itemKey}); the old version stays. */
    @PostMapping("/people/{id}/file/{section}")
    @PreAuthorize(Access.FILE_WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    RecordEntry addToFile(@PathVariable long id, @PathVariable String section, @RequestBody @Valid FileEntryRequest r) {
        RecordSection s;
        try {
            s = RecordSection.valueOf(section.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("section", "one of " + List.of(RecordSection.values()));
        }
        return files.record(id, s, r.content(), r.itemKey(), Boolean.TRUE.equals(r.noneDeclared()),
                Officials.current());
    }

    @GetMapping("/facilities/{code}/completeness")
    @PreAuthorize(Access.ANY_STAFF)
    PersonFileService.FacilityCompleteness completeness(@PathVariable String code) {
        return files.completeness(code, Officials.current());
    }

    record StatusChange(LegalStatus status, @Text(max = 2000, multiline = true) String basis) {
    }

    @PostMapping("/people/{id}/legal-status")
    @PreAuthorize(Access.RECORDS)
    PersonRecord changeLegalStatus(@PathVariable long id, @RequestBody @Valid StatusChange c) {
        return corrections.changeLegalStatus(id, c.status(), c.basis(), Officials.current());
    }

    record CommitmentCorrection(@Valid Admission.Commitment commitment,
                                @Text(max = 2000, multiline = true) String reason) {
    }

    @PostMapping("/people/{id}/commitment")
    @PreAuthorize(Access.RECORDS)
    PersonRecord correctCommitment(@PathVariable long id, @RequestBody @Valid CommitmentCorrection c) {
        if (c.commitment() == null) {
            throw new InvalidRequestException("commitment", "MANDELA-7: the corrected commitment record");
        }
        return corrections.correctCommitment(id, c.commitment(), c.reason(), Officials.current());
    }

    @PostMapping("/people/{id}/identity")
    @PreAuthorize(Access.RECORDS)
    PersonRecord correctIdentity(@PathVariable long id, @RequestBody @Valid IdentityCorrection c) {
        return corrections.correctIdentity(id, c, Officials.current());
    }

    @GetMapping("/people/{id}/identity/earlier")
    @PreAuthorize(Access.PERSON_READERS)
    List<IdentityCorrection.Earlier> earlierIdentities(@PathVariable long id) {
        return accessLog.personRead("READ_PERSON", id, "earlier identities",
                () -> corrections.earlierIdentities(id, Officials.current()));
    }

    @GetMapping("/people/{id}/history")
    @PreAuthorize(Access.PERSON_READERS)
    List<LedgerRecord> history(@PathVariable long id) {
        return accessLog.personRead("READ_PERSON_HISTORY", id, "api", () -> {
            people.find(id, Officials.current());
            return files.history(ledger.historyOf(id, Officials.current()), Officials.current());
        });
    }

    @PostMapping({"/admissions", "/people"})
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    PersonRecord admit(@RequestBody @Valid Admission admission) {
        return people.admit(admission, Officials.current());
    }

    @PostMapping("/people/{id}/release")
    @PreAuthorize(Access.RECORDS)
    PersonRecord release(@PathVariable long id, @RequestBody @Valid ReleaseRequest r) {
        return custody.release(id, r.basis(), r.reference(), r.propertySignedBy(), Officials.current());
    }

    @GetMapping("/locations/{id}/people")
    @PreAuthorize(Access.PERSON_READERS)
    List<PeopleService.Occupant> occupants(@PathVariable long id) {
        Official o = Officials.current();
        estate.location(id).filter(l -> o.sees(l.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No location " + id));
        accessLog.record("READ_OCCUPANTS", "location", Long.toString(id), "api");
        List<PeopleService.Occupant> occupants = people.occupants(id);
        accessLog.peopleRead("READ_PERSON", occupants.stream().map(PeopleService.Occupant::personId).toList(),
                "occupants of location " + id);
        return occupants;
    }
}
