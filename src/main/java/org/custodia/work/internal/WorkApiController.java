package org.custodia.work.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.platform.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.custodia.platform.validation.Text;
import org.custodia.work.AllocationService;
import org.custodia.work.AttendanceService;
import org.custodia.work.WorkFigures;
import org.custodia.work.Workshop;
import org.custodia.work.WorkshopService;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The work programme: workshops, sessions, allocations, attendance and the figures. */
@RestController
@RequestMapping("/api")
class WorkApiController {
    private final WorkshopService workshops;
    private final AllocationService allocations;
    private final AttendanceService attendance;
    private final WorkFigures figures;
    private final AccessLog accessLog;

    WorkApiController(WorkshopService workshops, AllocationService allocations, AttendanceService attendance,
                      WorkFigures figures, AccessLog accessLog) {
        this.workshops = workshops;
        this.allocations = allocations;
        this.attendance = attendance;
        this.figures = figures;
        this.accessLog = accessLog;
    }

    record Reason(@Text(max = 2000, multiline = true) String reason) {
    }

    record End(AllocationService.EndReason reason) {
    }

    @PostMapping("/workshops")
    @PreAuthorize(Access.COMMAND)
    @ResponseStatus(HttpStatus.CREATED)
    Workshop create(@RequestBody @Valid WorkshopService.NewWorkshop w) {
        return workshops.create(w, Officials.current());
    }

    @GetMapping("/facilities/{code}/workshops")
    @PreAuthorize(Access.ANY_STAFF)
    List<Workshop> workshops(@PathVariable String code) {
        return workshops.of(code, Officials.current());
    }

    @GetMapping("/workshops/{id}")
    @PreAuthorize(Access.ANY_STAFF)
    Workshop workshop(@PathVariable long id) {
        return workshops.find(id, Officials.current());
    }

    @PostMapping("/workshops/{id}/sessions")
    @PreAuthorize(Access.COMMAND)
    List<WorkshopService.Session> schedule(@PathVariable long id, @RequestBody @Valid WorkshopService.Schedule s) {
        return workshops.schedule(id, s, Officials.current());
    }

    @PostMapping("/work-sessions/{id}/cancel")
    @PreAuthorize(Access.MOVEMENTS)
    WorkshopService.Session cancel(@PathVariable long id, @RequestBody @Valid Reason r) {
        return workshops.cancel(id, r.reason(), Officials.current());
    }

    @PostMapping("/workshops/{id}/allocations")
    @PreAuthorize(Access.MOVEMENTS)
    AllocationService.Outcome allocate(@PathVariable long id, @RequestBody @Valid AllocationService.Request r) {
        return allocations.allocate(id, r, Officials.current());
    }

    @GetMapping("/workshops/{id}/allocations")
    @PreAuthorize(Access.PERSON_READERS)
    Page<AllocationService.Allocation> allocations(@PathVariable long id,
                                                   @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "ACTIVE|WAITING|ENDED") String status,
                                                   @Valid @ParameterObject PageQuery paging) {
        Page<AllocationService.Allocation> p = allocations.of(id, status, paging.page(), paging.size(), Officials.current());
        accessLog.peopleRead("READ_WORK_ALLOCATIONS", p.items().stream().map(AllocationService.Allocation::personId)
                .toList(), "api");
        return p;
    }

    @PostMapping("/work-allocations/{id}/end")
    @PreAuthorize(Access.MOVEMENTS)
    AllocationService.Allocation end(@PathVariable long id, @RequestBody @Valid End e) {
        return allocations.end(id, e.reason(), Officials.current());
    }

    @PostMapping("/work-sessions/{id}/attendance")
    @PreAuthorize(Access.MOVEMENTS)
    AttendanceService.Recorded sessionAttendance(@PathVariable long id,
                                                 @RequestBody @Valid AttendanceService.DayAttendance a) {
        return attendance.session(id, a, Officials.current());
    }

    @PostMapping("/facilities/{code}/attendance")
    @PreAuthorize(Access.MOVEMENTS)
    AttendanceService.Recorded dayAttendance(@PathVariable String code,
                                             @RequestBody @Valid AttendanceService.DayAttendance a) {
        return attendance.day(code, a, Officials.current());
    }

    @GetMapping("/figures/work")
    @PreAuthorize(Access.ANY_STAFF)
    WorkFigures.Figures figures(@RequestParam(required = false) @Size(max = 20) String facility,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to) {
        return figures.of(facility, from, to, Officials.current());
    }
}
