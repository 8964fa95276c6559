package org.custodia.housing.internal;

import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccessLog;
import org.custodia.housing.AffiliationService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class HousingApiController {
    private final AffiliationService affiliations;
    private final AccessLog accessLog;

    HousingApiController(AffiliationService affiliations, AccessLog accessLog) {
        this.affiliations = affiliations;
        this.accessLog = accessLog;
    }

    record StatusChange(String status, String reason) {
    }

    @GetMapping("/housing/groups")
    @PreAuthorize(Access.ANY_STAFF)
    Map<String, Object> groups() {
        return Map.of("groups", affiliations.groups(), "rivalries", affiliations.rivalries());
    }

    @GetMapping("/people/{id}/affiliations")
    @PreAuthorize(Access.PERSON_READERS)
    List<AffiliationService.Claim> claims(@PathVariable long id) {
        return accessLog.personRead("READ_AFFILIATIONS", id, "api",
                () -> affiliations.claims(id, Officials.current()));
    }

    @PostMapping("/people/{id}/affiliations")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    AffiliationService.Claim claim(@PathVariable long id, @RequestBody AffiliationService.NewClaim c) {
        return affiliations.claim(id, c, Officials.current());
    }

    @PostMapping("/affiliations/{claimId}/status")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    AffiliationService.Claim status(@PathVariable long claimId, @RequestBody StatusChange s) {
        return affiliations.changeStatus(claimId, s.status(), s.reason(), Officials.current());
    }
}
