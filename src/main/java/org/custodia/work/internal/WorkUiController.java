package org.custodia.work.internal;

import java.time.LocalDate;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.work.WorkFigures;
import org.custodia.work.WorkshopService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The work figures page: allocated against attending, day by day, with the workshops of a facility. */
@Controller
class WorkUiController {
    private final WorkFigures figures;
    private final WorkshopService workshops;

    WorkUiController(WorkFigures figures, WorkshopService workshops) {
        this.figures = figures;
        this.workshops = workshops;
    }

    @GetMapping("/work")
    @PreAuthorize(Access.ANY_STAFF)
    String work(@RequestParam(required = false) String facility,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        String f = facility == null || facility.isBlank() ? null : facility;
        WorkFigures.Figures w = figures.of(f, from, to, Officials.current());
        model.addAttribute("w", w);
        model.addAttribute("facility", f);
        model.addAttribute("workshops", f == null ? java.util.List.of() : workshops.of(f, Officials.current()));
        model.addAttribute("chartDays", w.days().stream().map(d -> d.day().toString()).toList());
        model.addAttribute("chartExpected", w.days().stream().map(WorkFigures.DayFigures::expected).toList());
        model.addAttribute("chartAttended", w.days().stream().map(WorkFigures.DayFigures::attended).toList());
        return "work/figures";
    }
}
