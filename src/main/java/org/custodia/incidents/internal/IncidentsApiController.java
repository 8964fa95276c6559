package org.custodia.incidents.internal;

import jakarta.validation.Valid;
import org.custodia.accounts.AccessLog;
import org.custodia.incidents.IncidentService;
import org.custodia.incidents.UseOfForceService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.platform.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
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

/** Incidents, their review, and use of force with the statements owed. */
@RestController
@RequestMapping("/api")
class IncidentsApiController {
    private final IncidentService incidents;
    private final UseOfForceService force;
    private final AccessLog accessLog;

    IncidentsApiController(IncidentService incidents, UseOfForceService force, AccessLog accessLog) {
        this.incidents = incidents;
        this.force = force;
        this.accessLog = accessLog;
    }

    @PostMapping("/incidents")
    @PreAuthorize(Access.CASE_REPORTERS)
    @ResponseStatus(HttpStatus.CREATED)
    IncidentService.Incident report(@RequestBody @Valid IncidentService.NewIncident n) {
        return incidents.report(n, Officials.current());
    }

    @GetMapping("/incidents/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    IncidentService.Incident incident(@PathVariable long id) {
        IncidentService.Incident i = incidents.find(id, Officials.current());
        accessLog.peopleRead("READ_INCIDENT", i.people().stream().map(IncidentService.Person::personId).toList(),
                "api: incident " + id);
        return i;
    }

    @GetMapping("/facilities/{code}/incidents")
    @PreAuthorize(Access.PERSON_READERS)
    Page<IncidentService.Incident> list(@PathVariable String code,
                                        @RequestParam(required = false) IncidentService.Status status,
                                        @RequestParam(required = false) IncidentService.Type type,
                                        @Valid @ParameterObject PageQuery paging) {
        Page<IncidentService.Incident> p = incidents.list(code, status, type, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_INCIDENTS", p.items().stream().flatMap(i -> i.people().stream())
                .map(IncidentService.Person::personId).distinct().toList(), "api");
        return p;
    }

    @PostMapping("/incidents/{id}/submit")
    @PreAuthorize(Access.CASE_REPORTERS)
    IncidentService.Incident submit(@PathVariable long id) {
        return incidents.submit(id, Officials.current());
    }

    @PostMapping("/incidents/{id}/additions")
    @PreAuthorize(Access.CASE_REPORTERS)
    IncidentService.Incident add(@PathVariable long id, @RequestBody @Valid IncidentService.Addition a) {
        return incidents.add(id, a, Officials.current());
    }

    @PostMapping("/incidents/{id}/review")
    @PreAuthorize(Access.COMMAND)
    IncidentService.Incident review(@PathVariable long id, @RequestBody @Valid IncidentService.Review r) {
        return incidents.review(id, r, Officials.current());
    }

    @PostMapping("/incidents/{id}/reopen")
    @PreAuthorize(Access.COMMAND)
    IncidentService.Incident reopen(@PathVariable long id, @RequestBody @Valid IncidentService.Reopening r) {
        return incidents.reopen(id, r, Officials.current());
    }

    @PostMapping("/incidents/{id}/use-of-force")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    UseOfForceService.UseOfForce useOfForce(@PathVariable long id,
                                            @RequestBody @Valid UseOfForceService.NewUseOfForce u) {
        return force.record(id, u, Officials.current());
    }

    @GetMapping("/use-of-force/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    UseOfForceService.UseOfForce useOfForce(@PathVariable long id) {
        return force.find(id, Officials.current());
    }

    @PostMapping("/use-of-force/{id}/statements")
    @PreAuthorize(Access.MOVEMENTS)
    UseOfForceService.UseOfForce statement(@PathVariable long id, @RequestBody @Valid UseOfForceService.Statement s) {
        return force.statement(id, s, Officials.current());
    }

    @GetMapping("/facilities/{code}/use-of-force-statements")
    @PreAuthorize(Access.INCIDENT_OVERSIGHT)
    Page<UseOfForceService.Owed> owed(@PathVariable String code, @RequestParam(defaultValue = "false") boolean overdue,
                                      @Valid @ParameterObject PageQuery paging) {
        return force.owed(code, overdue, paging.page(), paging.size(), Officials.current());
    }
}
