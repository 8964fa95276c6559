package org.custodia.oversight.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.oversight.DeathFigures;
import org.custodia.oversight.SeriousCases;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.platform.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deaths, serious injuries and allegations of ill-treatment, reported to the independent authority. */
@RestController
@RequestMapping("/api")
class OversightApiController {
    private final SeriousCases cases;
    private final DeathFigures deaths;
    private final AccessLog accessLog;

    OversightApiController(SeriousCases cases, DeathFigures deaths, AccessLog accessLog) {
        this.cases = cases;
        this.deaths = deaths;
        this.accessLog = accessLog;
    }

    @PostMapping("/serious-cases")
    @PreAuthorize(Access.CASE_REPORTERS)
    @ResponseStatus(HttpStatus.CREATED)
    SeriousCases.Case report(@RequestBody @Valid SeriousCases.NewCase c) {
        return cases.report(c, Officials.current());
    }

    @GetMapping("/serious-cases")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    Page<SeriousCases.Case> list(@RequestParam(required = false) @Size(max = 20) String facility,
                                 @RequestParam(required = false) SeriousCases.Kind kind,
                                 @RequestParam(required = false) Boolean unacknowledged,
                                 @Valid @ParameterObject PageQuery paging) {
        Page<SeriousCases.Case> p = cases.list(facility, kind, unacknowledged, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_SERIOUS_CASES", p.items().stream().map(SeriousCases.Case::personId).toList(),
                "api");
        return p;
    }

    @GetMapping("/serious-cases/{id}")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    SeriousCases.Case find(@PathVariable long id) {
        try {
            SeriousCases.Case c = cases.find(id, Officials.current());
            accessLog.record("READ_SERIOUS_CASE", "person", Long.toString(c.personId()), "api: case " + id);
            return c;
        } catch (AccessDeniedException e) {
            accessLog.refused("READ_SERIOUS_CASE", "case", Long.toString(id), "named as involved");
            throw e;
        }
    }

    @PostMapping("/serious-cases/{id}/acknowledgement")
    @PreAuthorize(Access.AUDITORS)
    SeriousCases.Case acknowledge(@PathVariable long id) {
        return cases.acknowledge(id, Officials.current());
    }

    @PostMapping("/serious-cases/{id}/next-of-kin")
    @PreAuthorize(Access.RECORDS)
    SeriousCases.Case nextOfKin(@PathVariable long id, @RequestBody @Valid SeriousCases.NextOfKin n) {
        return cases.nextOfKin(id, n, Officials.current());
    }

    @PostMapping("/serious-cases/{id}/remains")
    @PreAuthorize(Access.RECORDS)
    SeriousCases.Case remains(@PathVariable long id, @RequestBody @Valid SeriousCases.Remains r) {
        return cases.remains(id, r, Officials.current());
    }

    @PostMapping("/serious-cases/{id}/cause")
    @PreAuthorize(Access.CAUSE_RECORDERS)
    SeriousCases.Case cause(@PathVariable long id, @RequestBody @Valid SeriousCases.Cause c) {
        return cases.cause(id, c, Officials.current());
    }

    @PostMapping("/serious-cases/{id}/additions")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    SeriousCases.Case add(@PathVariable long id, @RequestBody @Valid SeriousCases.Addition a) {
        return cases.add(id, a, Officials.current());
    }

    @GetMapping("/figures/deaths")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    List<DeathFigures.Row> deaths() {
        return deaths.of(Officials.current());
    }
}
