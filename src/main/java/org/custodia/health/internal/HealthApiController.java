package org.custodia.health.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.custodia.accounts.AccessLog;
import org.custodia.health.ClinicalNote;
import org.custodia.health.ClinicalRecords;
import org.custodia.health.FitnessService;
import org.custodia.health.HealthFigures;
import org.custodia.health.HealthReports;
import org.custodia.health.ScreeningService;
import org.custodia.health.SickCallService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.platform.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Health care: screening, sick call, the clinical record, fitness, reports to the director and the figures. */
@RestController
@RequestMapping("/api")
class HealthApiController {
    private final ScreeningService screening;
    private final SickCallService sickCalls;
    private final ClinicalRecords records;
    private final FitnessService fitness;
    private final HealthReports reports;
    private final HealthFigures figures;
    private final AccessLog accessLog;

    HealthApiController(ScreeningService screening, SickCallService sickCalls, ClinicalRecords records,
                        FitnessService fitness, HealthReports reports, HealthFigures figures, AccessLog accessLog) {
        this.screening = screening;
        this.sickCalls = sickCalls;
        this.records = records;
        this.fitness = fitness;
        this.reports = reports;
        this.figures = figures;
        this.accessLog = accessLog;
    }

    @PostMapping("/people/{id}/screening")
    @PreAuthorize(Access.HEALTH)
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningService.Screening screen(@PathVariable long id, @RequestBody @Valid ScreeningService.NewScreening s) {
        return screening.record(id, s, Officials.current());
    }

    @GetMapping("/worklists/screening")
    @PreAuthorize(Access.HEALTH)
    Page<ScreeningService.Unscreened> unscreened(@RequestParam(required = false) @Size(max = 20) String facility,
                                                 @RequestParam(defaultValue = "false") boolean overdue,
                                                 @Valid @ParameterObject PageQuery paging) {
        Page<ScreeningService.Unscreened> p = screening.unscreened(facility, overdue, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_SCREENING_WORKLIST", p.items().stream().map(ScreeningService.Unscreened::personId)
                .toList(), "api");
        return p;
    }

    @PostMapping("/people/{id}/sick-calls")
    @PreAuthorize(Access.SICK_CALL_RECEIVERS)
    @ResponseStatus(HttpStatus.CREATED)
    SickCallService.Received receive(@PathVariable long id, @RequestBody @Valid SickCallService.NewRequest r) {
        return sickCalls.receive(id, r, Officials.current());
    }

    @GetMapping("/sick-calls/{id}")
    @PreAuthorize(Access.HEALTH)
    SickCallService.SickCall sickCall(@PathVariable long id) {
        SickCallService.SickCall c = sickCalls.find(id, Officials.current());
        accessLog.record("READ_SICK_CALL", "person", Long.toString(c.personId()), "api: sick call " + id);
        return c;
    }

    @PostMapping("/sick-calls/{id}/triage")
    @PreAuthorize(Access.HEALTH)
    SickCallService.SickCall triage(@PathVariable long id, @RequestBody @Valid SickCallService.Triage t) {
        return sickCalls.triage(id, t, Officials.current());
    }

    @PostMapping("/sick-calls/{id}/seen")
    @PreAuthorize(Access.HEALTH)
    SickCallService.SickCall seen(@PathVariable long id, @RequestBody @Valid SickCallService.Seen s) {
        return sickCalls.seen(id, s, Officials.current());
    }

    @GetMapping("/worklists/sick-call")
    @PreAuthorize(Access.HEALTH)
    Page<SickCallService.SickCall> sickCallWorklist(@RequestParam(required = false) @Size(max = 20) String facility,
                                                    @RequestParam(defaultValue = "OPEN") SickCallService.State state,
                                                    @Valid @ParameterObject PageQuery paging) {
        Page<SickCallService.SickCall> p = sickCalls.worklist(facility, state, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_SICK_CALL_WORKLIST", p.items().stream().map(SickCallService.SickCall::personId)
                .toList(), "api");
        return p;
    }

    @GetMapping("/people/{id}/fitness")
    @PreAuthorize(Access.PERSON_READERS)
    FitnessService.Fitness fitness(@PathVariable long id) {
        return accessLog.personRead("READ_FITNESS", id, "api", () -> fitness.of(id, Officials.current()));
    }

    @PostMapping("/people/{id}/fitness")
    @PreAuthorize(Access.HEALTH)
    @ResponseStatus(HttpStatus.CREATED)
    FitnessService.Decision decide(@PathVariable long id, @RequestBody @Valid FitnessService.NewDecision d) {
        return fitness.decide(id, d, Officials.current());
    }

    @GetMapping("/people/{id}/clinical-record")
    @PreAuthorize(Access.HEALTH)
    Page<ClinicalNote> clinicalRecord(@PathVariable long id, @Valid @ParameterObject PageQuery paging) {
        return accessLog.personRead("READ_CLINICAL_RECORD", id, "api",
                () -> records.read(id, paging.page(), paging.size(), Officials.current()));
    }

    @PostMapping("/people/{id}/clinical-notes")
    @PreAuthorize(Access.HEALTH)
    @ResponseStatus(HttpStatus.CREATED)
    ClinicalNote addNote(@PathVariable long id, @RequestBody @Valid ClinicalRecords.NewNote n) {
        return records.add(id, n, Officials.current());
    }

    @PostMapping("/people/{id}/clinical-record/disclosures")
    @PreAuthorize(Access.HEALTH)
    @ResponseStatus(HttpStatus.CREATED)
    ClinicalRecords.Disclosure disclose(@PathVariable long id) {
        return accessLog.personRead("DISCLOSE_CLINICAL_RECORD", id, "api",
                () -> records.disclose(id, Officials.current()));
    }

    @PutMapping("/facilities/{code}/clinical-records-since")
    @PreAuthorize(Access.COMMAND)
    ClinicalRecords.Since since(@PathVariable String code, @RequestBody @Valid ClinicalRecords.Since s) {
        return records.since(code, s, Officials.current());
    }

    @PostMapping("/health-reports")
    @PreAuthorize(Access.HEALTH)
    @ResponseStatus(HttpStatus.CREATED)
    HealthReports.Report report(@RequestBody @Valid HealthReports.NewReport r) {
        return reports.make(r, Officials.current());
    }

    @PostMapping("/health-reports/{id}/answer")
    @PreAuthorize(Access.COMMAND)
    HealthReports.Report answer(@PathVariable long id, @RequestBody @Valid HealthReports.Answer a) {
        return reports.answer(id, a, Officials.current());
    }

    @GetMapping("/health-reports")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    Page<HealthReports.Report> reports(@RequestParam(required = false) @Size(max = 20) String facility,
                                       @RequestParam(required = false) Boolean unanswered,
                                       @Valid @ParameterObject PageQuery paging) {
        Page<HealthReports.Report> p = reports.list(facility, unanswered, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_HEALTH_REPORTS", p.items().stream().map(HealthReports.Report::personId).toList(),
                "api");
        return p;
    }

    @GetMapping("/figures/health")
    @PreAuthorize(Access.HEALTH_OVERSIGHT)
    HealthFigures.Figures figures(@RequestParam(required = false) @Size(max = 20) String facility,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to) {
        return figures.of(facility, from, to, Officials.current());
    }
}
