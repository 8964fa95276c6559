package org.custodia.housing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.housing.EmergencyCaps;
import org.custodia.housing.MoveService.MoveRequest;
import org.custodia.housing.MoveService;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.NonAssociationService;
import org.custodia.housing.OverrideLog;
import org.custodia.housing.TransferService;
import org.custodia.housing.placement.CellViews;
import org.custodia.housing.placement.OccupancySnapshots;
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

/** Moves, swaps, bulk moves, transfers, overrides, emergency caps, non-associations and cells. */
@RestController
@RequestMapping("/api")
class MovesApiController {
    private final MoveService moves;
    private final NonAssociationService nonAssociations;
    private final CellViews cells;
    private final OverrideLog overrides;
    private final AccessLog accessLog;
    private final EmergencyCaps caps;
    private final OccupancySnapshots snapshots;
    private final TransferService transfers;

    MovesApiController(MoveService moves, NonAssociationService nonAssociations, CellViews cells,
                       OverrideLog overrides, AccessLog accessLog, EmergencyCaps caps, OccupancySnapshots snapshots,
                       TransferService transfers) {
        this.caps = caps;
        this.transfers = transfers;
        this.snapshots = snapshots;
        this.moves = moves;
        this.nonAssociations = nonAssociations;
        this.cells = cells;
        this.overrides = overrides;
        this.accessLog = accessLog;
    }

    record Move(Long personId,
                Long toLocationId,
                @Text(max = 2000, multiline = true) String reason,
                @Text(max = 2000, multiline = true) String overrideReason) {
    }

    record BulkMove(@Size(max = 50000) @Valid List<MoveRequest> moves,
                    @Text(max = 2000, multiline = true) String reason,
                    @Text(max = 2000, multiline = true) String overrideReason) {
    }

    record Swap(Long personA,
                Long personB,
                @Text(max = 2000, multiline = true) String reason,
                @Text(max = 2000, multiline = true) String overrideReason) {
    }

    record StatusChange(@Text(max = 100) String status, @Text(max = 2000, multiline = true) String reason) {
    }

    @PostMapping("/moves")
    @PreAuthorize(Access.MOVEMENTS)
    MoveService.Outcome move(@RequestBody @Valid Move m) {
        return moves.move(List.of(new MoveRequest(m.personId(), m.toLocationId())), m.reason(), m.overrideReason(),
                Officials.current());
    }

    @PostMapping("/moves/check")
    @PreAuthorize(Access.MOVEMENTS)
    List<MoveService.MoveCheck> check(@RequestBody @Valid BulkMove m) {
        return moves.check(m.moves(), Officials.current());
    }

    @PostMapping("/moves/bulk")
    @PreAuthorize(Access.MOVEMENTS)
    MoveService.Outcome bulk(@RequestBody @Valid BulkMove m) {
        return moves.move(m.moves(), m.reason(), m.overrideReason(), Officials.current());
    }

    @PostMapping("/moves/swap")
    @PreAuthorize(Access.MOVEMENTS)
    MoveService.Outcome swap(@RequestBody @Valid Swap s) {
        return moves.swap(s.personA(), s.personB(), s.reason(), s.overrideReason(), Officials.current());
    }

    @GetMapping("/housing/overrides")
    @PreAuthorize("hasAnyRole('COMMAND','INSPECTOR')")
    List<OverrideLog.Override> overrides() {
        accessLog.record("READ_HOUSING_OVERRIDES", "overrides", "all", "api");
        return overrides.list(Officials.current());
    }

    @PostMapping("/housing/emergency-caps")
    @PreAuthorize("hasRole('COMMAND')")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyCaps.Cap authorise(@RequestBody @Valid EmergencyCaps.NewCap c) {
        return caps.authorise(c, Officials.current());
    }

    @GetMapping("/housing/emergency-caps")
    @PreAuthorize(Access.OVERSIGHT)
    List<EmergencyCaps.Cap> caps() {
        return caps.list(Officials.current());
    }

    @PostMapping("/housing/snapshots")
    @PreAuthorize(Access.CAPACITY_DECIDERS)
    java.util.Map<String, Integer> snapshot() {
        return java.util.Map.of("recorded", snapshots.take());
    }

    /** The receiving facility cites the transfer order it receives the person on. */
    record Receipt(Long toLocationId, @Text(max = 300) String orderReference) {
    }

    /** A transfer to another facility is a records decision on an order: not an officer's alone. */
    @PostMapping("/transfers")
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    TransferService.Transfer dispatch(@RequestBody @Valid TransferService.NewTransfer t) {
        return transfers.dispatch(t, Officials.current());
    }

    @PostMapping("/transfers/{id}/receive")
    @PreAuthorize(Access.RECORDS)
    TransferService.Transfer receive(@PathVariable long id, @RequestBody(required = false) @Valid Receipt r) {
        return transfers.receive(id, r == null ? null : r.toLocationId(), r == null ? null : r.orderReference(),
                Officials.current());
    }

    @GetMapping("/transfers")
    @PreAuthorize(Access.PERSON_READERS)
    List<TransferService.Transfer> transfers() {
        accessLog.record("READ_TRANSFERS", "transfers", "all", "api");
        return transfers.list(Officials.current());
    }


    @PostMapping("/non-associations")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    NonAssociationService.Recorded record(@RequestBody @Valid NonAssociationService.NewNonAssociation n) {
        return nonAssociations.record(n, Officials.current());
    }

    @PostMapping("/non-associations/{id}/status")
    @PreAuthorize(Access.MOVEMENTS_AND_RECORDS)
    NonAssociation status(@PathVariable long id, @RequestBody @Valid StatusChange s) {
        return nonAssociations.changeStatus(id, s.status(), s.reason(), Officials.current());
    }

    @GetMapping("/people/{id}/non-associations")
    @PreAuthorize(Access.PERSON_READERS)
    List<NonAssociationService.Seen> nonAssociations(@PathVariable long id) {
        return accessLog.personRead("READ_NON_ASSOCIATIONS", id, "api",
                () -> nonAssociations.of(id, Officials.current()));
    }

    @GetMapping("/cells/{id}")
    @PreAuthorize(Access.PERSON_READERS)
    CellViews.CellView cell(@PathVariable long id) {
        accessLog.record("READ_CELL", "location", Long.toString(id), "api");
        return cells.cell(id, Officials.current());
    }
}
