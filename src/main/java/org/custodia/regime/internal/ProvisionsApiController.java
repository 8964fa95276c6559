package org.custodia.regime.internal;

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
import org.custodia.regime.DietService;
import org.custodia.regime.MealRefusals;
import org.custodia.regime.MenuService;
import org.custodia.regime.ProvisionDays;
import org.custodia.regime.ProvisionService;
import org.custodia.regime.WaterSupply;
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

/** Food and water: the menu, meals and water issued per cell, the day per cell, refusals, diets, water supply. */
@RestController
@RequestMapping("/api")
class ProvisionsApiController {
    private final MenuService menu;
    private final ProvisionService provisions;
    private final ProvisionDays days;
    private final MealRefusals refusals;
    private final DietService diets;
    private final WaterSupply water;
    private final AccessLog accessLog;

    ProvisionsApiController(MenuService menu, ProvisionService provisions, ProvisionDays days, MealRefusals refusals,
                            DietService diets, WaterSupply water, AccessLog accessLog) {
        this.menu = menu;
        this.provisions = provisions;
        this.days = days;
        this.refusals = refusals;
        this.diets = diets;
        this.water = water;
        this.accessLog = accessLog;
    }

    @GetMapping("/menu-items")
    @PreAuthorize(Access.ANY_STAFF)
    List<MenuService.Item> menu() {
        return menu.items();
    }

    @PostMapping("/menu-items")
    @PreAuthorize(Access.COMMAND)
    MenuService.Item setItem(@RequestBody @Valid MenuService.ItemChange c) {
        return menu.set(c, Officials.current());
    }

    @PostMapping("/provisions")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    ProvisionService.Recorded record(@RequestBody @Valid ProvisionService.NewProvision n) {
        return provisions.record(n, Officials.current());
    }

    @GetMapping("/facilities/{code}/provisions")
    @PreAuthorize(Access.ANY_STAFF)
    ProvisionDays.Day day(@PathVariable String code,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          @RequestParam(required = false) @Size(max = 20) String pavilion,
                          @RequestParam(defaultValue = "false") boolean belowOnly,
                          @Valid @ParameterObject PageQuery paging) {
        return days.of(code, date, pavilion, belowOnly, paging.page(), paging.size(), Officials.current());
    }

    /** MANDELA-43: every provision below the minimum and the reason given, for command and the inspector. */
    @GetMapping("/figures/provision-shortfalls")
    @PreAuthorize("hasAnyRole('COMMAND','INSPECTOR')")
    Page<ProvisionDays.Shortfall> shortfalls(@RequestParam(required = false) @Size(max = 20) String facility,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             @Valid @ParameterObject PageQuery paging) {
        return days.shortfalls(facility, from, to, paging.page(), paging.size(), Officials.current());
    }

    @PostMapping("/people/{id}/meal-refusals")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    MealRefusals.Refusal refuse(@PathVariable long id, @RequestBody @Valid MealRefusals.NewRefusal r) {
        return refusals.record(id, r, Officials.current());
    }

    @GetMapping("/people/{id}/meal-refusals")
    @PreAuthorize(Access.PERSON_READERS)
    Page<MealRefusals.Refusal> refusals(@PathVariable long id,
                                        @Valid @ParameterObject PageQuery paging) {
        return accessLog.personRead("READ_MEAL_REFUSALS", id, "api",
                () -> refusals.of(id, paging.page(), paging.size(), Officials.current()));
    }

    /** Food refusal and hunger strike: the health referral worklist. */
    @GetMapping("/worklists/food-refusal")
    @PreAuthorize("hasAnyRole('HEALTH','COMMAND','INSPECTOR')")
    Page<MealRefusals.Referral> foodRefusal(@RequestParam(required = false) @Size(max = 20) String facility,
                                            @Valid @ParameterObject PageQuery paging) {
        List<MealRefusals.Referral> all = refusals.worklist(Officials.current(), facility);
        int from = (int) Math.min(Page.offset(paging.page(), paging.size()), all.size());
        Page<MealRefusals.Referral> p = new Page<>(all.subList(from, Math.min(from + paging.size(), all.size())), paging.page(), paging.size(),
                all.size());
        accessLog.peopleRead("READ_FOOD_REFUSAL_WORKLIST", p.items().stream().map(MealRefusals.Referral::personId)
                .toList(), "api");
        return p;
    }

    @PostMapping("/people/{id}/diets")
    @PreAuthorize("hasAnyRole('HEALTH','RECORDS','COMMAND')")
    @ResponseStatus(HttpStatus.CREATED)
    DietService.Diet diet(@PathVariable long id, @RequestBody @Valid DietService.NewDiet d) {
        return diets.record(id, d, Officials.current());
    }

    @GetMapping("/people/{id}/diets")
    @PreAuthorize(Access.PERSON_READERS)
    List<DietService.Diet> diets(@PathVariable long id) {
        return accessLog.personRead("READ_DIETS", id, "api", () -> diets.of(id, Officials.current()));
    }

    @PostMapping("/water-interruptions")
    @PreAuthorize(Access.MOVEMENTS)
    @ResponseStatus(HttpStatus.CREATED)
    WaterSupply.Interruption interrupt(@RequestBody @Valid WaterSupply.NewInterruption n) {
        return water.start(n, Officials.current());
    }

    @PostMapping("/water-interruptions/{id}/end")
    @PreAuthorize(Access.MOVEMENTS)
    WaterSupply.Interruption restore(@PathVariable long id) {
        return water.end(id, Officials.current());
    }

    @GetMapping("/facilities/{code}/water-interruptions")
    @PreAuthorize(Access.ANY_STAFF)
    List<WaterSupply.Interruption> interruptions(@PathVariable String code,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return water.of(code, date, Officials.current());
    }
}
