package org.custodia.counts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.custodia.accounts.AccessLog;
import org.custodia.counts.CellCount;
import org.custodia.counts.Count;
import org.custodia.counts.CountDays;
import org.custodia.counts.CountSchedules;
import org.custodia.counts.CountService;
import org.custodia.counts.NewCount;
import org.custodia.counts.Reconciliation;
import org.custodia.counts.RollService;
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

/** Counts: opening, each cell's count, explanations, sign-off; the day's counts; the schedule; the roll. */
@RestController
@RequestMapping("/api")
class CountsApiController {
    private final CountService counts;
    private final Reconciliation reconciliation;
    private final CountDays days;
    private final CountSchedules schedules;
    private final RollService roll;
    private final AccessLog accessLog;

    CountsApiController(CountService counts, Reconciliation reconciliation, CountDays days, CountSchedules schedules,
                        RollService roll, AccessLog accessLog) {
        this.counts = counts;
        this.reconciliation = reconciliation;
        this.days = days;
        this.schedules = schedules;
        this.roll = roll;
        this.accessLog = accessLog;
    }

    @PostMapping("/counts")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    Count open(@RequestBody @Valid NewCount n) {
        return counts.open(n, Officials.current());
    }

    @PostMapping("/counts/{id}/cells/{locationId}")
    @PreAuthorize(Access.MOVEMENTS)
    Count.Cell submit(@PathVariable long id, @PathVariable long locationId, @RequestBody @Valid CellCount c) {
        return counts.submit(id, locationId, c, Officials.current());
    }

    @PostMapping("/counts/{id}/cells/{locationId}/explanation")
    @PreAuthorize(Access.MOVEMENTS)
    Count.Cell explain(@PathVariable long id, @PathVariable long locationId,
                       @RequestBody @Valid CountService.Explanation e) {
        return counts.explain(id, locationId, e, Officials.current());
    }

    @PostMapping("/counts/{id}/sign-off")
    @PreAuthorize(Access.COMMAND)
    Count signOff(@PathVariable long id) {
        return counts.signOff(id, Officials.current());
    }

    @GetMapping("/counts/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    Count count(@PathVariable long id) {
        Count c = reconciliation.of(id, Officials.current());
        accessLog.peopleRead("READ_COUNT", c.attention().stream().flatMap(cell -> java.util.stream.Stream.concat(
                cell.missing().stream().map(Count.Person::personId), cell.expectedPeople().stream()
                        .map(Count.Person::personId))).distinct().toList(), "api");
        return c;
    }

    @GetMapping("/facilities/{code}/counts")
    @PreAuthorize(Access.ANY_STAFF)
    CountDays.Day day(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return days.day(code, date, Officials.current());
    }

    @GetMapping("/facilities/{code}/count-schedule")
    @PreAuthorize(Access.ANY_STAFF)
    CountSchedules.Schedule schedule(@PathVariable String code) {
        return schedules.of(code, Officials.current());
    }

    @PutMapping("/facilities/{code}/count-schedule")
    @PreAuthorize(Access.COMMAND)
    CountSchedules.Schedule changeSchedule(@PathVariable String code,
                                           @RequestBody @Valid CountSchedules.ScheduleChange c) {
        return schedules.change(code, c, Officials.current());
    }

    @GetMapping("/facilities/{code}/roll")
    @PreAuthorize(Access.ANY_STAFF)
    RollService.Roll roll(@PathVariable String code) {
        return roll.facility(code, Officials.current());
    }

    @GetMapping("/facilities/{code}/roll/{pavilion}")
    @PreAuthorize(Access.ANY_STAFF)
    Page<RollService.Line> pavilionRoll(@PathVariable String code, @PathVariable String pavilion,
                                        @Valid @ParameterObject PageQuery paging) {
        return roll.pavilion(code, pavilion, paging.page(), paging.size(), Officials.current());
    }

    @GetMapping("/roll")
    @PreAuthorize(Access.ANY_STAFF)
    RollService.Roll nationalRoll() {
        return roll.national(Officials.current());
    }
}
