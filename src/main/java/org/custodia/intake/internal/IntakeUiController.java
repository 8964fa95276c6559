package org.custodia.intake.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.custodia.intake.BatchReport;
import org.custodia.intake.IntakeService;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload a batch file, then watch it (htmx polls the progress fragment until the batch is done). */
@Controller
class IntakeUiController {
    private final IntakeService intake;

    IntakeUiController(IntakeService intake) {
        this.intake = intake;
    }

    @GetMapping("/intake")
    @PreAuthorize(Access.RECORDS)
    String form() {
        return "intake/upload";
    }

    @PostMapping("/intake")
    @PreAuthorize(Access.RECORDS)
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new org.custodia.platform.InvalidRequestException("file", "choose a CSV or JSON file");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
            boolean csv = !name.endsWith(".json");
            IntakeService.Mode m = "VALID_ONLY".equals(mode) ? IntakeService.Mode.VALID_ONLY
                    : IntakeService.Mode.ALL_OR_NOTHING;
            BatchReport r = intake.submit(file.getInputStream(), csv, m, null,
                    Officials.current()).report();
            return "redirect:/intake/" + r.id();
        } catch (CustodiaException e) {
            model.addAttribute("error", e.getMessage());
            return "intake/upload";
        }
    }

    @GetMapping("/intake/{id}")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    String batch(@PathVariable String id, Model model) {
        model.addAttribute("batch", intake.status(id, Officials.current()));
        return "intake/batch";
    }

    @PostMapping("/intake/{id}/held/{row}")
    @PreAuthorize(Access.RECORDS)
    String resolve(@PathVariable String id, @PathVariable int row, @RequestParam(required = false) String decision,
                   @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            // "SAME_PERSON:<id>" names the person; the other decisions stand alone
            String[] parts = decision == null ? new String[0] : decision.split(":", 2);
            IntakeService.Decision d = parts.length == 0 ? null : IntakeService.Decision.valueOf(parts[0]);
            Long personId = parts.length == 2 ? Long.valueOf(parts[1]) : null;
            intake.resolve(id, row, d, personId, reason, Officials.current());
        } catch (CustodiaException | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/intake/" + id;
    }

    @GetMapping("/intake/{id}/progress")
    @PreAuthorize(Access.LEGAL_OVERSIGHT)
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("batch", intake.status(id, Officials.current()));
        return "intake/batch :: progress";
    }
}
