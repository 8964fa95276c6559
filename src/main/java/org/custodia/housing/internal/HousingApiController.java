package org.custodia.housing.internal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.custodia.accounts.AccessLog;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.GroupService;
import org.custodia.housing.IsolationService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Text;
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
    private final GroupService groups;
    private final IsolationService isolation;
    private final AccessLog accessLog;

    HousingApiController(AffiliationService affiliations, GroupService groups, IsolationService isolation,
                         AccessLog accessLog) {
        this.isolation = isolation;
        this.affiliations = affiliations;
        this.groups = groups;
        this.accessLog = accessLog;
    }

    record StatusChange(@Text(max = 100) String status, @Text(max = 2000, multiline = true) String reason) {
    }

    @GetMapping("/housing/groups")
    @PreAuthorize(Access.ANY_STAFF)
    Map<String, Object> groups() {
        return Map.of("groups", affiliations.groups(), "rivalries", affiliations.rivalries());
    }

    @PostMapping("/housing/groups")
    @PreAuthorize(Access.SEPARATION_POLICY)
    @ResponseStatus(HttpStatus.CREATED)
    AffiliationService.Group defineGroup(@RequestBody @Valid GroupService.NewGroup g) {
        return groups.define(g, Officials.current());
    }

    /** Sets or ends the rivalry between two groups (level NONE ends it); says where both are held together now. */
    @PostMapping("/housing/rivalries")
    @PreAuthorize(Access.SEPARATION_POLICY)
    GroupService.RivalryOutcome setRivalry(@RequestBody @Valid GroupService.RivalryChange c) {
        return groups.setRivalry(c, Officials.current());
    }

    @PostMapping("/people/{id}/isolation")
    @PreAuthorize(Access.ISOLATION)
    @ResponseStatus(HttpStatus.CREATED)
    IsolationService.Isolation isolate(@PathVariable long id, @RequestBody @Valid IsolationService.NewIsolation n) {
        return isolation.order(id, n, Officials.current());
    }

    @GetMapping("/people/{id}/isolation")
    @PreAuthorize(Access.ISOLATION)
    List<IsolationService.Isolation> isolations(@PathVariable long id) {
        return accessLog.personRead("READ_ISOLATION", id, "api", () -> isolation.history(id, Officials.current()));
    }

    record Ending(@Text(max = 2000, multiline = true) String reason) {
    }

    @PostMapping("/isolation/{isolationId}/end")
    @PreAuthorize(Access.ISOLATION)
    IsolationService.Isolation endIsolation(@PathVariable long isolationId, @RequestBody @Valid Ending e) {
        return isolation.end(isolationId, e.reason(), Officials.current());
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
    AffiliationService.Claim claim(@PathVariable long id, @RequestBody @Valid AffiliationService.NewClaim c) {
        return affiliations.claim(id, c, Officials.current());
    }

    @PostMapping("/affiliations/{claimId}/status")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    AffiliationService.Claim status(@PathVariable long claimId, @RequestBody @Valid StatusChange s) {
        return affiliations.changeStatus(claimId, s.status(), s.reason(), Officials.current());
    }
}
