package org.custodia.discipline.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.discipline.DisciplinaryCharges;
import org.custodia.discipline.SolitaryService;
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

/** Disciplinary charges and their adjudication; the solitary confinement register. */
@RestController
@RequestMapping("/api")
class DisciplineApiController {
    private final DisciplinaryCharges charges;
    private final SolitaryService solitary;
    private final AccessLog accessLog;

    DisciplineApiController(DisciplinaryCharges charges, SolitaryService solitary, AccessLog accessLog) {
        this.charges = charges;
        this.solitary = solitary;
        this.accessLog = accessLog;
    }

    @PostMapping("/discipline/charges")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    DisciplinaryCharges.Charge lay(@RequestBody @Valid DisciplinaryCharges.NewCharge c) {
        return charges.lay(c, Officials.current());
    }

    @GetMapping("/discipline/charges/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    DisciplinaryCharges.Charge charge(@PathVariable long id) {
        DisciplinaryCharges.Charge c = charges.find(id, Officials.current());
        accessLog.record("READ_DISCIPLINE_CHARGE", "person", Long.toString(c.personId()), "api: charge " + id);
        return c;
    }

    @PostMapping("/discipline/charges/{id}/hearing")
    @PreAuthorize(Access.COMMAND)
    DisciplinaryCharges.Charge schedule(@PathVariable long id, @RequestBody @Valid DisciplinaryCharges.Hearing h) {
        return charges.schedule(id, h, Officials.current());
    }

    @PostMapping("/discipline/charges/{id}/decision")
    @PreAuthorize(Access.COMMAND)
    DisciplinaryCharges.Charge decide(@PathVariable long id, @RequestBody @Valid DisciplinaryCharges.Decision d) {
        return charges.decide(id, d, Officials.current());
    }

    @PostMapping("/discipline/charges/{id}/quash")
    @PreAuthorize(Access.COMMAND)
    DisciplinaryCharges.Charge quash(@PathVariable long id, @RequestBody @Valid DisciplinaryCharges.Quashing q) {
        return charges.quash(id, q, Officials.current());
    }

    @GetMapping("/people/{id}/discipline")
    @PreAuthorize(Access.PERSON_READERS)
    Page<DisciplinaryCharges.Charge> personsCharges(@PathVariable long id, @Valid @ParameterObject PageQuery paging) {
        return accessLog.personRead("READ_DISCIPLINE", id, "api",
                () -> charges.of(id, paging.page(), paging.size(), Officials.current()));
    }

    @GetMapping("/facilities/{code}/discipline/pending")
    @PreAuthorize(Access.PERSON_READERS)
    Page<DisciplinaryCharges.Charge> pending(@PathVariable String code, @Valid @ParameterObject PageQuery paging) {
        Page<DisciplinaryCharges.Charge> p = charges.pending(code, paging.page(), paging.size(), Officials.current());
        accessLog.peopleRead("READ_DISCIPLINE_PENDING", p.items().stream().map(DisciplinaryCharges.Charge::personId)
                .toList(), "api");
        return p;
    }

    @PostMapping("/people/{id}/solitary")
    @PreAuthorize(Access.COMMAND)
    @ResponseStatus(HttpStatus.CREATED)
    SolitaryService.Placement place(@PathVariable long id, @RequestBody @Valid SolitaryService.NewPlacement p) {
        return solitary.place(id, p, Officials.current());
    }

    @GetMapping("/people/{id}/solitary")
    @PreAuthorize(Access.PERSON_READERS)
    List<SolitaryService.Placement> personsPlacements(@PathVariable long id) {
        return accessLog.personRead("READ_SOLITARY", id, "api", () -> solitary.of(id, Officials.current()));
    }

    @GetMapping("/solitary/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    SolitaryService.Placement placement(@PathVariable long id) {
        SolitaryService.Placement p = solitary.find(id, Officials.current());
        accessLog.record("READ_SOLITARY", "person", Long.toString(p.personId()), "api: placement " + id);
        return p;
    }

    @PostMapping("/solitary/{id}/extension")
    @PreAuthorize(Access.COMMAND)
    SolitaryService.Placement extend(@PathVariable long id, @RequestBody @Valid SolitaryService.Extension e) {
        return solitary.extend(id, e, Officials.current());
    }

    @PostMapping("/solitary/{id}/end")
    @PreAuthorize(Access.SOLITARY_ENDERS)
    SolitaryService.Placement end(@PathVariable long id, @RequestBody @Valid SolitaryService.Ending e) {
        return solitary.end(id, e, Officials.current());
    }

    @PostMapping("/solitary/{id}/health-visits")
    @PreAuthorize(Access.HEALTH)
    SolitaryService.Placement healthVisit(@PathVariable long id, @RequestBody @Valid SolitaryService.HealthVisit v) {
        return solitary.healthVisit(id, v, Officials.current());
    }

    @PostMapping("/solitary/{id}/outdoors")
    @PreAuthorize(Access.MOVEMENTS)
    SolitaryService.Placement outdoors(@PathVariable long id, @RequestBody @Valid SolitaryService.Outdoors o) {
        return solitary.outdoors(id, o, Officials.current());
    }

    @PostMapping("/solitary/{id}/reviews")
    @PreAuthorize(Access.COMMAND)
    SolitaryService.Placement review(@PathVariable long id, @RequestBody @Valid SolitaryService.Review r) {
        return solitary.review(id, r, Officials.current());
    }

    @GetMapping("/facilities/{code}/solitary")
    @PreAuthorize(Access.PERSON_READERS)
    Page<SolitaryService.Placement> register(@PathVariable String code,
                                             @RequestParam(defaultValue = "false") boolean all,
                                             @Valid @ParameterObject PageQuery paging) {
        Page<SolitaryService.Placement> p = solitary.register(code, all, paging.page(), paging.size(),
                Officials.current());
        accessLog.peopleRead("READ_SOLITARY_REGISTER", p.items().stream().map(SolitaryService.Placement::personId)
                .toList(), "api");
        return p;
    }
}
