package org.custodia.people.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.people.LegalStatus;
import org.custodia.people.Sex;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.ledger.LedgerService;
import org.custodia.people.PeopleSearch;
import org.custodia.people.SearchHit;
import org.custodia.people.PersonFileService;
import org.custodia.people.RecordCorrections;
import org.custodia.people.RecordSection;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PeopleUiController {
    private final PeopleService people;
    private final LedgerService ledger;
    private final AccessLog accessLog;
    private static final ZoneId LOCAL_TIME = ZoneId.of("America/El_Salvador");
    private final PeopleSearch search;
    private final EstateService estate;
    private final PersonFileService files;

    private final RecordCorrections corrections;

    PeopleUiController(PeopleService people, LedgerService ledger, AccessLog accessLog, PeopleSearch search,
                       EstateService estate, PersonFileService files, RecordCorrections corrections) {
        this.corrections = corrections;
        this.files = files;
        this.search = search;
        this.estate = estate;
        this.people = people;
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    @GetMapping("/admissions/new")
    @PreAuthorize(Access.RECORDS)
    String admissionForm(Model model) {
        return form(model, AdmissionForm.empty(), Map.of(), null);
    }

    /** MANDELA-7: nobody is admitted without a commitment record; a refused form keeps what was typed. */
    @PostMapping("/admissions")
    @PreAuthorize(Access.RECORDS)
    String admit(@ModelAttribute AdmissionForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            Map<String, String> errors = new LinkedHashMap<>();
            binding.getFieldErrors().forEach(f -> errors.put(f.getField(), "valor no válido"));
            return form(model, form, errors, null);
        }
        Official o = Officials.current();
        try {
            Long reception = form.facilityCode() == null ? null
                    : estate.reception(form.facilityCode()).map(l -> l.id()).orElse(null);
            PersonRecord p = people.admit(form.toAdmission(LOCAL_TIME, reception), o);
            return "redirect:/people/" + p.id();
        } catch (InvalidRequestException e) {
            return form(model, form, e.errors(), e.getMessage());
        } catch (CustodiaException e) {
            return form(model, form, Map.of(), e.getMessage());
        }
    }

    private String form(Model model, AdmissionForm form, Map<String, String> errors, String message) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("facilities", estate.facilities(Officials.current()));
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("statuses", LegalStatus.values());
        return "people/admission";
    }

    /** Adds to the MANDELA-7 file from the person page; a refusal comes back as a message, nothing changed. */
    @PostMapping("/people/{id}/file/{section}")
    @PreAuthorize(Access.FILE_WRITERS)
    String addToFile(@PathVariable long id, @PathVariable String section,
                     @RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            RecordSection s = RecordSection.valueOf(section);
            Map<String, Object> content = new LinkedHashMap<>();
            boolean none = "on".equals(form.get("noneDeclared"));
            for (String field : form.keySet()) {
                String v = form.get(field);
                if (v == null || v.isBlank()) {
                    continue;
                }
                if (none ? field.equals("note") : s.required.contains(field) || s.optional.contains(field)) {
                    content.put(field, switch (field) {
                        case "age" -> parseAge(v);
                        case "child" -> "on".equals(v) || "true".equals(v);
                        default -> v;
                    });
                }
            }
            files.record(id, s, content, form.get("itemKey"), none, Officials.current());
            flash.addFlashAttribute("notice", "file.saved");
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.forPeople());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    private static Object parseAge(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return v;
        }
    }

    @GetMapping("/search")
    @PreAuthorize(Access.PERSON_READERS)
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                List<SearchHit> hits = search.search(q, Officials.current(), 25);
                model.addAttribute("hits", hits);
                accessLog.search(q, hits.stream().map(SearchHit::personId).toList(), "ui search");
            } catch (CustodiaException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "people/search";
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    String person(@PathVariable long id, Model model) {
        PersonRecord p = accessLog.personRead("READ_PERSON", id, "ui", () -> people.find(id, Officials.current()));
        model.addAttribute("person", p);
        model.addAttribute("history", files.history(ledger.historyOf(id, Officials.current()), Officials.current()));
        model.addAttribute("file", files.file(id, Officials.current()));
        model.addAttribute("earlier", corrections.earlierIdentities(id, Officials.current()));
        return "people/person";
    }
}
