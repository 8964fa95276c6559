package org.custodia.regime.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Officials;
import org.custodia.platform.Page;
import org.custodia.regime.Meal;
import org.custodia.regime.MenuService;
import org.custodia.regime.ProvisionDays;
import org.custodia.regime.ProvisionService;
import org.custodia.regime.ProvisionStandards;
import org.custodia.regime.ShortfallReason;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wing page that records a pavilion's meal in one go (each cell's portions filled in from the menu for the
 * people in it; only the exceptions are typed) and the day's food and water per cell, cells below standard marked.
 */
@Controller
class ProvisionsUiController {
    private final MenuService menu;
    private final ProvisionService provisions;
    private final ProvisionDays days;
    private final LocalDays local;
    private final ProvisionStandards standards;

    ProvisionsUiController(MenuService menu, ProvisionService provisions, ProvisionDays days, LocalDays local,
                           ProvisionStandards standards) {
        this.standards = standards;
        this.menu = menu;
        this.provisions = provisions;
        this.days = days;
        this.local = local;
    }

    @GetMapping("/facilities/{code}/provisions")
    @PreAuthorize(Access.ANY_STAFF)
    String day(@PathVariable String code, @RequestParam(required = false) String pavilion,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(defaultValue = "false") boolean belowOnly, Model model) {
        model.addAttribute("day", days.of(code, date, blank(pavilion), belowOnly, 0, Page.MAX_SIZE,
                Officials.current()));
        model.addAttribute("pavilion", blank(pavilion));
        model.addAttribute("belowOnly", belowOnly);
        return "regime/provisions";
    }

    /**
     * The pavilion map's flags (loaded into estate's page by htmx: estate does not know the regime): the occupied
     * cells below the food or water minimum today, marked on their tiles and listed.
     */
    @GetMapping("/facilities/{code}/provisions/flags")
    @PreAuthorize(Access.ANY_STAFF)
    String flags(@PathVariable String code, @RequestParam String pavilion, Model model) {
        model.addAttribute("day", days.of(code, null, pavilion, true, 0, Page.MAX_SIZE, Officials.current()));
        return "regime/flags :: flags";
    }

    /** The wing page: a pavilion's cells, each with the portions of the menu for the people in it. */
    @GetMapping("/facilities/{code}/meals")
    @PreAuthorize(Access.MOVEMENTS)
    String meals(@PathVariable String code, @RequestParam String pavilion,
                 @RequestParam(defaultValue = "LUNCH") Meal meal, Model model) {
        ProvisionDays.Day day = days.of(code, null, pavilion, false, 0, Page.MAX_SIZE, Officials.current());
        List<MenuService.Item> items = menu.active().values().stream()
                .filter(i -> meal == Meal.WATER || i.meals().contains(meal)).toList();
        model.addAttribute("day", day);
        model.addAttribute("pavilion", pavilion);
        model.addAttribute("meal", meal);
        model.addAttribute("items", meal == Meal.WATER ? List.of() : items);
        model.addAttribute("reasons", ShortfallReason.values());
        model.addAttribute("date", local.today());
        model.addAttribute("waterPerPerson", standards.waterLitresPerDay());
        return "regime/meals";
    }

    @PostMapping("/facilities/{code}/meals")
    @PreAuthorize(Access.MOVEMENTS)
    String record(@PathVariable String code, @RequestParam String pavilion, @RequestParam Meal meal,
                  @RequestParam(required = false) ShortfallReason shortfallReason,
                  @RequestParam(required = false) String shortfallNote,
                  @RequestParam Map<String, String> form, RedirectAttributes flash) {
        // fields are named p_<cell>_<item> (portions) or w_<cell> (litres); an empty field is nothing issued
        Map<Long, List<ProvisionService.Portion>> portions = new java.util.TreeMap<>();
        Map<Long, BigDecimal> litres = new java.util.TreeMap<>();
        try {
            form.forEach((k, v) -> {
                if (v == null || v.isBlank()) {
                    return;
                }
                String[] parts = k.split("_", 3);
                if (parts[0].equals("p") && parts.length == 3) {
                    portions.computeIfAbsent(Long.parseLong(parts[1]), x -> new ArrayList<>())
                            .add(new ProvisionService.Portion(parts[2], new BigDecimal(v.strip())));
                } else if (parts[0].equals("w") && parts.length == 2) {
                    litres.put(Long.parseLong(parts[1]), new BigDecimal(v.strip()));
                }
            });
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("error", "Números: porciones y litros");
            return "redirect:/facilities/" + code + "/meals?pavilion=" + pavilion + "&meal=" + meal;
        }
        List<ProvisionService.CellProvision> cells = new ArrayList<>();
        if (meal == Meal.WATER) {
            litres.forEach((cell, l) -> cells.add(new ProvisionService.CellProvision(cell, List.of(), l)));
        } else {
            portions.forEach((cell, p) -> cells.add(new ProvisionService.CellProvision(cell,
                    p.stream().filter(x -> x.portions().signum() > 0).toList(), null)));
        }
        try {
            ProvisionService.Recorded r = provisions.record(new ProvisionService.NewProvision(code, local.today(), meal,
                    cells, shortfallReason, shortfallNote), Officials.current());
            flash.addFlashAttribute("recorded", r.cells().size());
            return "redirect:/facilities/" + code + "/provisions?pavilion=" + pavilion;
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
            return "redirect:/facilities/" + code + "/meals?pavilion=" + pavilion + "&meal=" + meal;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
