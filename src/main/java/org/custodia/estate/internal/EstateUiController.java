package org.custodia.estate.internal;

import org.custodia.estate.CapacityService;
import org.custodia.estate.EstateService;
import org.custodia.estate.Occupancy;
import org.custodia.estate.PavilionMap;
import org.custodia.platform.Access;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class EstateUiController {
    private final EstateService estate;
    private final CapacityService capacity;

    EstateUiController(EstateService estate, CapacityService capacity) {
        this.estate = estate;
        this.capacity = capacity;
    }

    @GetMapping("/facilities/{code}")
    @PreAuthorize(Access.ANY_STAFF)
    String facility(@PathVariable String code, Model model) {
        Official o = Officials.current();
        Occupancy f = estate.facility(code, o);
        model.addAttribute("facility", f);
        model.addAttribute("pavilions", estate.pavilions(code, o));
        model.addAttribute("others", estate.locations(code).stream().filter(l -> l.pavilionId() == null).toList());
        return "estate/facility";
    }

    @GetMapping("/pavilions/{id}")
    @PreAuthorize(Access.ANY_STAFF)
    String pavilion(@PathVariable long id, Model model) {
        PavilionMap map = estate.pavilionMap(id, Officials.current());
        model.addAttribute("map", map);
        model.addAttribute("facilityName", estate.facilityName(map.facilityCode()).orElse(map.facilityCode()));
        return "estate/pavilion";
    }

    @GetMapping("/capacity-requests")
    @PreAuthorize(Access.OVERSIGHT)
    String capacityRequests(Model model) {
        model.addAttribute("requests", capacity.list(null, Officials.current()));
        return "estate/capacity-requests";
    }

    @PostMapping("/capacity-requests")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    String requestCapacity(@RequestParam(required = false) Long locationId,
                           @RequestParam(required = false) Integer requestedCapacity,
                           @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            if (locationId == null) {
                throw new org.custodia.platform.InvalidRequestException("locationId", "required");
            }
            capacity.request(locationId, requestedCapacity, reason, Officials.current());
            flash.addFlashAttribute("notice", "capacity.requestedNotice");
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/capacity-requests";
    }

    @PostMapping("/capacity-requests/{id}/decision")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String note,
                  RedirectAttributes flash) {
        try {
            if ("approve".equals(decision)) {
                capacity.approve(id, note, Officials.current());
            } else {
                capacity.reject(id, note, Officials.current());
            }
            flash.addFlashAttribute("notice", "capacity.decided");
        } catch (CustodiaException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/capacity-requests";
    }
}
