package org.custodia.web;

import java.util.List;
import org.custodia.counts.CountDays;
import org.custodia.counts.RollService;
import org.custodia.regime.ExerciseFigures;
import org.custodia.regime.ProvisionDays;
import org.custodia.discipline.SolitaryService;
import org.custodia.estate.EstateService;
import org.custodia.health.HealthFigures;
import org.custodia.incidents.UseOfForceService;
import org.custodia.oversight.DeathFigures;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.custodia.estate.Occupancy;
import org.custodia.ledger.LedgerService;
import org.custodia.legal.PretrialWatch;
import org.custodia.people.PersonFileService;
import java.util.HashMap;
import java.util.Map;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {
    private final EstateService estate;
    private final LedgerService ledger;
    private final PretrialWatch pretrial;
    private final PersonFileService files;
    private final RollService roll;
    private final CountDays counts;
    private final ExerciseFigures exercise;
    private final ProvisionDays provisions;
    private final HealthFigures health;
    private final SolitaryService solitary;
    private final DeathFigures deaths;
    private final UseOfForceService force;

    DashboardController(EstateService estate, LedgerService ledger, PretrialWatch pretrial, PersonFileService files,
                        RollService roll, CountDays counts, ExerciseFigures exercise, ProvisionDays provisions,
                        HealthFigures health, SolitaryService solitary, DeathFigures deaths,
                        UseOfForceService force) {
        this.deaths = deaths;
        this.force = force;
        this.health = health;
        this.solitary = solitary;
        this.provisions = provisions;
        this.exercise = exercise;
        this.roll = roll;
        this.counts = counts;
        this.files = files;
        this.pretrial = pretrial;
        this.estate = estate;
        this.ledger = ledger;
    }

    @GetMapping("/")
    @PreAuthorize(Access.ANY_STAFF)
    String dashboard(Model model) {
        List<Occupancy> facilities = estate.facilities(Officials.current());
        model.addAttribute("facilities", facilities);
        model.addAttribute("chartNames", facilities.stream().map(Occupancy::id).toList());
        model.addAttribute("chartPopulation", facilities.stream().map(Occupancy::population).toList());
        model.addAttribute("chartDeclared", facilities.stream().map(Occupancy::declaredCapacity).toList());
        model.addAttribute("chartCertified", facilities.stream().map(Occupancy::certifiedCapacity).toList());
        model.addAttribute("heads", ledger.heads(Officials.current()));
        // Nobody passes a pretrial limit silently: the count is on everyone's dashboard.
        Map<String, PretrialWatch.FacilityCount> pretrialCounts = new HashMap<>();
        pretrial.worklist(Officials.current(), null).counts().forEach(c -> pretrialCounts.put(c.facilityCode(), c));
        model.addAttribute("pretrial", pretrialCounts);
        // MANDELA-7: how many people held have every item of their file on record
        Map<String, PersonFileService.FacilityCompleteness> completeness = new HashMap<>();
        facilities.forEach(f -> completeness.put(f.id(), files.completeness(f.id(), Officials.current())));
        model.addAttribute("completeness", completeness);
        // the day so far: counts made, late and missed; who is out of their cell, and who is overdue back
        Map<String, RollService.Figures> today = new HashMap<>();
        roll.national(Officials.current()).lines().forEach(l -> today.put(l.facilityCode(), l.figures()));
        model.addAttribute("today", today);
        Map<String, CountDays.Day> days = new HashMap<>();
        facilities.forEach(f -> days.put(f.id(), counts.day(f.id(), null, Officials.current())));
        model.addAttribute("countDays", days);
        // MANDELA-23: shown even where policy allows no exercise
        Map<String, ExerciseFigures.Facility> outdoors = new HashMap<>();
        exercise.facilities(Officials.current()).forEach(e -> outdoors.put(e.facilityCode(), e));
        model.addAttribute("exercise", outdoors);
        // food and water: occupied cells below a minimum today, flagged the same day
        model.addAttribute("provisions", provisions.today(Officials.current(),
                facilities.stream().map(Occupancy::id).toList()));
        // health and safety, for those who answer for it: care overdue now, screenings missed, solitary days
        Official o = Officials.current();
        if (o.has(Role.HEALTH) || o.has(Role.COMMAND) || o.has(Role.INSPECTOR)) {
            Map<String, HealthFigures.Row> care = new HashMap<>();
            health.of(null, null, null, o).rows().stream().filter(r -> r.facilityCode() != null)
                    .forEach(r -> care.put(r.facilityCode(), r));
            Map<String, SolitaryService.Summary> isolated = new HashMap<>();
            solitary.summary(o).forEach(s -> isolated.put(s.facilityCode(), s));
            Map<String, DeathFigures.Row> deathRows = new HashMap<>();
            deaths.of(o).stream().filter(r -> r.facilityCode() != null).forEach(r -> deathRows.put(r.facilityCode(), r));
            model.addAttribute("deaths", deathRows);
            model.addAttribute("statementsOverdue", force.overdueByFacility(o));
            model.addAttribute("care", care);
            model.addAttribute("isolated", isolated);
        }
        return "web/dashboard";
    }

    /** Recomputes the chains on demand (htmx fragment): the dashboard shows the truth, not a cached flag. */
    @GetMapping("/ledger/status")
    @PreAuthorize(Access.OVERSIGHT)
    String ledgerStatus(Model model) {
        long start = System.nanoTime();
        model.addAttribute("result", ledger.verify());
        model.addAttribute("millis", (System.nanoTime() - start) / 1_000_000);
        return "web/ledger-status :: status";
    }
}
