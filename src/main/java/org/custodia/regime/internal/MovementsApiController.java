package org.custodia.regime.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.custodia.accounts.AccessLog;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.platform.PageQuery;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.custodia.regime.ExerciseFigures;
import org.custodia.regime.Movement;
import org.custodia.regime.UnlockList;
import org.springframework.format.annotation.DateTimeFormat;
import org.custodia.regime.MovementService;
import org.custodia.regime.NewMovement;
import org.custodia.regime.OutOfCell;
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

/** Movements out of the cell and back; who is out now. */
@RestController
@RequestMapping("/api")
class MovementsApiController {
    private final MovementService movements;
    private final AccessLog accessLog;
    private final ExerciseFigures exercise;
    private final UnlockList unlock;

    MovementsApiController(MovementService movements, AccessLog accessLog, ExerciseFigures exercise,
                           UnlockList unlock) {
        this.movements = movements;
        this.accessLog = accessLog;
        this.exercise = exercise;
        this.unlock = unlock;
    }

    /** MANDELA-23: per facility, who had an hour outdoors today, and who had none today or in seven days. */
    @GetMapping("/figures/exercise")
    @PreAuthorize(Access.ANY_STAFF)
    List<ExerciseFigures.Facility> exercise() {
        return exercise.facilities(Officials.current());
    }

    @GetMapping("/facilities/{code}/unlock-list")
    @PreAuthorize(Access.PERSON_READERS)
    Page<UnlockList.Entry> unlockList(@PathVariable String code,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate date,
                                      @RequestParam(required = false) @Size(max = 20) String pavilion,
                                      @Valid @ParameterObject PageQuery paging) {
        Page<UnlockList.Entry> p = unlock.of(code, date, pavilion, paging.page(), paging.size(), Officials.current());
        accessLog.peopleRead("READ_UNLOCK_LIST", p.items().stream().map(UnlockList.Entry::personId).toList(), "api");
        return p;
    }

    @PostMapping("/movements")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    Movement leave(@RequestBody @Valid NewMovement m) {
        return movements.leave(m, Officials.current());
    }

    @PostMapping("/movements/{id}/return")
    @PreAuthorize(Access.MOVEMENTS)
    Movement comeBack(@PathVariable long id, @RequestBody(required = false) @Valid MovementService.Return r) {
        return movements.comeBack(id, r, Officials.current());
    }

    @GetMapping("/movements/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    Movement movement(@PathVariable long id) {
        Movement m = movements.find(id, Officials.current());
        accessLog.peopleRead("READ_MOVEMENT", m.people().stream().map(Movement.Mover::personId).toList(), "api");
        return m;
    }

    @GetMapping("/facilities/{code}/out-of-cell")
    @PreAuthorize(Access.PERSON_READERS)
    Page<OutOfCell> outOfCell(@PathVariable String code,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @Valid @ParameterObject PageQuery paging) {
        Page<OutOfCell> p = movements.out(code, overdue, paging.page(), paging.size(), Officials.current());
        accessLog.peopleRead("READ_OUT_OF_CELL", p.items().stream().map(OutOfCell::personId).toList(), "api");
        return p;
    }
}
