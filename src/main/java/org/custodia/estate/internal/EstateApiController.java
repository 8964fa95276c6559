package org.custodia.estate.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.custodia.estate.CapacityRequest;
import org.custodia.estate.CapacityService;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.NewFacility;
import org.custodia.estate.NewLocation;
import org.custodia.estate.Occupancy;
import org.custodia.estate.PavilionMap;
import org.custodia.ledger.Actor;
import org.custodia.platform.Access;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Text;
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

@RestController
@RequestMapping("/api")
class EstateApiController {
    private final EstateService estate;
    private final CapacityService capacity;

    EstateApiController(EstateService estate, CapacityService capacity) {
        this.estate = estate;
        this.capacity = capacity;
    }

    record FacilityOccupancy(Occupancy facility, List<Occupancy> pavilions, List<Location> otherLocations) {
    }

    record PavilionRequest(@Text(max = 100) String code,
                           @Text(max = 200) String name,
                           @Min(1) @Max(50) Integer levels) {
    }

    record CapacityChange(@Min(0) @Max(10000) Integer requestedCapacity,
                          @Text(max = 2000, multiline = true) String reason) {
    }

    record Decision(@Text(max = 2000, multiline = true) String note) {
    }

    @GetMapping("/facilities")
    @PreAuthorize(Access.ANY_STAFF)
    List<Occupancy> facilities() {
        return estate.facilities(Officials.current());
    }

    @GetMapping("/facilities/{code}/occupancy")
    @PreAuthorize(Access.ANY_STAFF)
    FacilityOccupancy occupancy(@PathVariable String code) {
        Official o = Officials.current();
        Occupancy f = estate.facility(code, o);
        List<Location> others = estate.locations(code).stream().filter(l -> l.pavilionId() == null).toList();
        return new FacilityOccupancy(f, estate.pavilions(code, o), others);
    }

    @GetMapping("/pavilions/{id}/occupancy")
    @PreAuthorize(Access.ANY_STAFF)
    PavilionMap pavilion(@PathVariable long id) {
        return estate.pavilionMap(id, Officials.current());
    }

    @GetMapping("/locations/{id}")
    @PreAuthorize(Access.ANY_STAFF)
    Map<String, Object> location(@PathVariable long id) {
        Official o = Officials.current();
        Location l = estate.location(id).filter(x -> o.sees(x.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No location " + id));
        return Map.of("location", l, "occupancy", estate.cellOccupancy(l));
    }

    @PostMapping("/facilities")
    @PreAuthorize(Access.ESTATE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Occupancy register(@RequestBody @Valid NewFacility f) {
        estate.registerFacility(f, Actor.of(Officials.current()));
        return estate.facility(f.code(), Officials.current());
    }

    @PostMapping("/facilities/{code}/pavilions")
    @PreAuthorize(Access.ESTATE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> addPavilion(@PathVariable String code, @RequestBody @Valid PavilionRequest p) {
        long id = estate.addPavilion(code, p.code(), p.name(), p.levels() == null ? 1 : p.levels(),
                Actor.of(Officials.current()));
        return Map.of("id", id);
    }

    @PostMapping("/facilities/{code}/locations")
    @PreAuthorize(Access.ESTATE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    List<Location> addLocations(@PathVariable String code, @RequestBody @NotEmpty @Size(max = 10000) List<@Valid @NotNull NewLocation> locations) {
        estate.addLocations(code, locations, Actor.of(Officials.current()));
        return locations.stream().map(l -> estate.location(code, l.code()).orElseThrow()).toList();
    }

    @PostMapping("/locations/{id}/capacity-requests")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    @ResponseStatus(HttpStatus.CREATED)
    CapacityRequest requestCapacity(@PathVariable long id, @RequestBody @Valid CapacityChange c) {
        return capacity.request(id, c.requestedCapacity(), c.reason(), Officials.current());
    }

    @GetMapping("/capacity-requests")
    @PreAuthorize(Access.OVERSIGHT)
    List<CapacityRequest> capacityRequests(@RequestParam(required = false) String status) {
        return capacity.list(status, Officials.current());
    }

    @PostMapping("/capacity-requests/{id}/approve")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    CapacityRequest approve(@PathVariable long id, @RequestBody(required = false) @Valid Decision d) {
        return capacity.approve(id, d == null ? null : d.note(), Officials.current());
    }

    @PostMapping("/capacity-requests/{id}/reject")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    CapacityRequest reject(@PathVariable long id, @RequestBody(required = false) @Valid Decision d) {
        return capacity.reject(id, d == null ? null : d.note(), Officials.current());
    }
}
