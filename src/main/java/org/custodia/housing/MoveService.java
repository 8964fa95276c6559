package org.custodia.housing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodia.accounts.AccessLog;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.estate.LocationKind;
import org.custodia.housing.placement.HousingCell;
import org.custodia.housing.placement.HousingData;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.Violation;
import org.custodia.ledger.Actor;
import org.custodia.people.Booking;
import org.custodia.people.CustodyMovements.Relocation;
import org.custodia.people.CustodyMovements;
import org.custodia.people.PeopleService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves within a facility: one person, a swap, or many at once (emptying a pavilion, applying a plan). Every
 * commit locks the target pavilions and cells, then checks capacity and separation against what is committed, so
 * two officers can never both take the last place in a cell or put rivals together. A broken separation rule may be
 * overridden only by COMMAND with a reason, and every override is flagged to the inspector; capacity never is
 * (that needs an emergency cap).
 */
@Service
public class MoveService {
    public record MoveRequest(Long personId, Long toLocationId) {
    }

    /** One move as checked: where from and to, what it would break, and the cell's figures after it. */
    public record MoveCheck(long personId, String name, String from, long toLocationId, String to,
                            List<Violation> violations, boolean coDefendantInCell, Integer populationAfter,
                            Integer limit) {
        public boolean lawful() {
            return violations.isEmpty();
        }
    }

    public record Outcome(List<MoveCheck> moves, boolean overridden) {
    }

    static final int MAX_MOVES = 50_000;

    private final PeopleService people;
    private final CustodyMovements custody;
    private final EstateService estate;
    private final HousingData data;
    private final OverrideLog overrides;

    private final AccessLog accessLog;

    MoveService(PeopleService people, CustodyMovements custody, EstateService estate, HousingData data, OverrideLog overrides,
                AccessLog accessLog) {
        this.accessLog = accessLog;
        this.people = people;
        this.custody = custody;
        this.estate = estate;
        this.data = data;
        this.overrides = overrides;
    }

    /** The facility where the person is held, if the official may see them. */
    @Transactional(readOnly = true)
    public String facilityOf(long personId, Official official) {
        var p = people.find(personId, official);
        if (p.current() == null) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody");
        }
        return p.current().facilityCode();
    }

    /** The rule check the move dialog shows before commit; changes nothing. */
    @Transactional
    public List<MoveCheck> check(List<MoveRequest> moves, Official official) {
        List<MoveCheck> checks = evaluate(moves, official).checks();
        // a dry run names the people and who they would share with: a read of each person checked
        accessLog.peopleRead("READ_PERSON", checks.stream().map(MoveCheck::personId).toList(), "move check");
        return checks;
    }

    @Transactional
    public Outcome move(List<MoveRequest> moves, String reason, String overrideReason, Official official) {
        return apply(moves, reason, overrideReason, Map.of(), official);
    }

    /** Swaps two people's cells in one commit. */
    @Transactional
    public Outcome swap(Long personA, Long personB, String reason, String overrideReason, Official official) {
        if (personA == null || personB == null || personA.equals(personB)) {
            throw new InvalidRequestException("personB", "two different people are swapped");
        }
        Map<Long, Booking> b = custody.lockInCustody(List.of(personA, personB));
        if (b.size() < 2) {
            throw new ConflictException(ErrorCode.NOT_IN_CUSTODY, "Both people must be in custody to swap them");
        }
        return apply(List.of(new MoveRequest(personA, b.get(personB).locationId()),
                new MoveRequest(personB, b.get(personA).locationId())), reason, overrideReason, Map.of("swap", true),
                official);
    }

    /** Applies checked moves (a plan's, or a bulk move's); {@code context} goes into every ledger entry. */
    @Transactional
    public Outcome apply(List<MoveRequest> moves, String reason, String overrideReason, Map<String, Object> context,
                         Official official) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException("reason", "required, at most 1000 characters");
        }
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (override && !official.has(Role.COMMAND)) {
            throw new AccessDeniedException("Overriding a housing rule needs COMMAND");
        }
        if (override && overrideReason.length() > 1000) {
            throw new InvalidRequestException("overrideReason", "at most 1000 characters");
        }
        Evaluation ev = evaluate(moves, official);
        List<MoveCheck> broken = ev.checks().stream().filter(c -> !c.lawful()).toList();
        if (!broken.isEmpty()) {
            refuseUnlessOverridden(broken, override);
            for (MoveCheck c : broken) {
                overrides.record(ev.bookings().get(c.personId()).facilityCode(), c, overrideReason.strip(), official);
            }
        }
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("reason", reason.strip());
        if (override && !broken.isEmpty()) {
            ctx.put("override", overrideReason.strip());
        }
        custody.relocate(ev.bookings(), moves.stream().map(m -> new Relocation(m.personId(), m.toLocationId()))
                .toList(), ev.limits(), "PERSON_MOVED", ctx, Actor.of(official));
        return new Outcome(ev.checks(), !broken.isEmpty());
    }

    private static void refuseUnlessOverridden(List<MoveCheck> broken, boolean override) {
        boolean capacity = broken.stream().flatMap(c -> c.violations().stream())
                .anyMatch(v -> v.rule() == Violation.Rule.CAPACITY);
        if (!override || capacity) {
            String first = broken.getFirst().violations().stream().map(Violation::message)
                    .collect(Collectors.joining("; "));
            throw new ConflictException(ErrorCode.HOUSING_RULE,
                    (override ? "Capacity is never overridden (COMMAND may authorise an "
                    + "emergency cap); nothing was moved: " : "The move breaks housing rules; nothing was moved: ")
                    + first + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more)" : ""),
                    Map.of("refused", broken));
        }
    }

    record Evaluation(Map<Long, Booking> bookings, List<MoveCheck> checks, Map<Long, Integer> limits) {
    }

    private Evaluation evaluate(List<MoveRequest> moves, Official official) {
        validate(moves);
        List<Long> ids = moves.stream().map(MoveRequest::personId).toList();
        Map<Long, Booking> bookings = custody.lockInCustody(ids);
        Map<Long, Location> targets = new HashMap<>();
        for (MoveRequest m : moves) {
            Booking b = bookings.get(m.personId());
            if (b == null) {
                people.find(m.personId(), official);
                throw new ConflictException(ErrorCode.NOT_IN_CUSTODY,
                        "Person " + m.personId() + " is not in custody; nothing was moved");
            }
            if (!official.sees(b.facilityCode())) {
                throw new NotFoundException("No person " + m.personId());
            }
            Location to = targets.computeIfAbsent(m.toLocationId(), id -> estate.location(id).orElse(null));
            if (to == null || !to.facilityCode().equals(b.facilityCode())) {
                throw new InvalidRequestException("toLocationId", "no location " + m.toLocationId() + " in facility "
                        + b.facilityCode() + " (a move between facilities is a transfer)");
            }
            if (to.kind() == LocationKind.TRANSIT) {
                throw new InvalidRequestException("toLocationId", "leaving the facility is a transfer");
            }
            if (to.id() == b.locationId()) {
                throw new ConflictException(ErrorCode.ALREADY_DONE,
                        "Person " + m.personId() + " is already in " + to.code());
            }
        }
        Set<Long> pavilions = new HashSet<>();
        Set<Long> cells = new HashSet<>();
        for (Location l : targets.values()) {
            if (ruled(l)) {
                cells.add(l.id());
                if (l.pavilionId() != null) {
                    pavilions.add(l.pavilionId());
                }
            }
        }
        estate.lock(pavilions, targets.keySet());
        HousingState state = data.around(pavilions, cells, ids);
        ids.forEach(state::lift);
        List<MoveCheck> checks = new ArrayList<>();
        Map<Long, Integer> limits = new HashMap<>();
        for (MoveRequest m : moves) {
            Booking b = bookings.get(m.personId());
            Location to = targets.get(m.toLocationId());
            String name = state.resident(m.personId()).name();
            if (!ruled(to)) {
                checks.add(new MoveCheck(m.personId(), name, b.locationCode(), to.id(), to.code(), List.of(), false,
                        null, null));
                continue;
            }
            HousingCell cell = state.cells().get(to.id());
            List<Violation> v = state.check(m.personId(), to.id());
            boolean coDefendant = state.holdsCoDefendant(m.personId(), to.id());
            state.move(m.personId(), to.id());
            limits.put(to.id(), cell.limit());
            checks.add(new MoveCheck(m.personId(), name, b.locationCode(), to.id(), to.code(), v, coDefendant,
                    state.population(to.id()), cell.limit()));
        }
        return new Evaluation(bookings, checks, limits);
    }

    /** Cells (and punishment cells) are where capacity and separation apply; a ward or a court room is not. */
    static boolean ruled(Location l) {
        return (l.kind() == LocationKind.CELL || l.kind() == LocationKind.PUNISHMENT) && l.certifiedCapacity() != null;
    }

    private static void validate(List<MoveRequest> moves) {
        if (moves == null || moves.isEmpty() || moves.size() > MAX_MOVES) {
            throw new InvalidRequestException("moves", "1 to " + MAX_MOVES + " moves");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < moves.size(); i++) {
            MoveRequest m = moves.get(i);
            if (m == null || m.personId() == null || m.toLocationId() == null) {
                throw new InvalidRequestException("moves[" + i + "]", "personId and toLocationId are required");
            }
            if (!seen.add(m.personId())) {
                throw new InvalidRequestException("moves[" + i + "]", "person " + m.personId() + " appears twice");
            }
        }
    }
}
