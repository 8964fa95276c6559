package org.custodia.housing.placement;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.placement.PlacementEngine.PlannedMove;
import org.custodia.housing.placement.PlacementEngine.Unplaced;
import org.custodia.housing.rebalance.Apart;
import org.custodia.housing.rebalance.Cell;
import org.custodia.housing.rebalance.MoveBudget;
import org.custodia.housing.rebalance.Occupant;
import org.custodia.housing.rebalance.Profile;
import org.custodia.housing.rebalance.RebalanceConstraints;
import org.custodia.housing.rebalance.Rebalancing;

/**
 * Improves an existing population with Timefold: separates co-defendants sharing a cell and evens out space per
 * person, moving as few people as it can (each move has a price, and at most {@code maxMoves} move), within a time
 * budget. The hard rules are those a move is checked against when applied; the solver's best plan is then
 * re-checked move by move by {@link HousingState#check} exactly as applying it will, and any move that fails is
 * dropped and reported with its reason.
 */
public final class Rebalancer {
    /** Figures for the cells in scope, before or after the plan. */
    public record Figures(int people, int cells, int coDefendantPairs, int maxPopulation, int cellsOverLimit,
                          double minAreaPerPerson, long crowding) {
    }

    public record Outcome(List<PlannedMove> moves, List<Unplaced> dropped, int pinned, Figures before,
                          Figures after, String score, long millis) {
    }

    private static final SolverFactory<Rebalancing> FACTORY = SolverFactory.create(new SolverConfig()
            .withSolutionClass(Rebalancing.class)
            .withEntityClasses(Occupant.class)
            .withConstraintProviderClass(RebalanceConstraints.class)
            .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
            // everyone starts in a cell, so there is nothing to construct; hill climbing accepts only moves that
            // improve the plan, so no move that does not pay for itself is left in it
            .withPhases(new LocalSearchPhaseConfig()
                    .withAcceptorConfig(new LocalSearchAcceptorConfig()
                            .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                    // the best of several improving moves per step: fewer, better steps (each new best is copied)
                    .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(16)))
            .withTerminationSpentLimit(Duration.ofSeconds(10)));

    private final HousingState state;
    private final Map<Long, HousingCell> cellById = new LinkedHashMap<>();
    private final Map<Long, Cell> cells = new LinkedHashMap<>();
    private final List<Occupant> occupants = new ArrayList<>();

    private Rebalancer(HousingState state, String facility, Set<Long> pavilions) {
        this.state = state;
        Map<Long, Integer> pavIndex = new HashMap<>();
        state.cells().values().stream()
                .filter(c -> c.facilityCode().equals(facility) && c.pavilionId() != null)
                .filter(c -> pavilions.isEmpty() || pavilions.contains(c.pavilionId()))
                .sorted(Comparator.comparing(HousingCell::pavilionCode).thenComparing(HousingCell::code))
                .forEach(c -> {
                    cellById.put(c.id(), c);
                    cells.put(c.id(), new Cell(c.id(), pavIndex.computeIfAbsent(c.pavilionId(), k -> pavIndex.size()),
                            c.limit(), c.floorAreaM2() == null ? 0 : c.floorAreaM2().doubleValue()));
                });
        ResidentBits bits = new ResidentBits(state, cellById.values());
        boolean sexByPavilion = state.policy().sexLevel() == Level.PAVILION;
        for (Cell cell : cells.values()) {
            for (long id : state.occupants(cell.id()).stream().sorted().toList()) {
                Resident r = state.resident(id);
                long groups = bits.groups(r);
                Profile p = new Profile(id, bits.key(r), groups, bits.cellRivals(groups), bits.pavilionRivals(groups),
                        r.sex().ordinal(), sexByPavilion, bits.cases(r), cell);
                occupants.add(new Occupant(p, heldApartFromFacility(id, facility)));
            }
        }
    }

    /** Someone kept apart at facility level from a person held in the same facility cannot lawfully be moved. */
    private boolean heldApartFromFacility(long personId, String facility) {
        for (NonAssociation na : state.nonAssociations(personId)) {
            HousingState.Where w = state.where(na.other(personId));
            if (na.level() == Level.FACILITY && w != null && w.facilityCode().equals(facility)) {
                return true;
            }
        }
        return false;
    }

    /** Proposes moves for the cells of {@code facility} (only those of {@code pavilions}, unless empty). */
    public static Outcome rebalance(HousingState state, String facility, Set<Long> pavilions, Duration budget,
                                    int maxMoves) {
        long start = System.nanoTime();
        Rebalancer r = new Rebalancer(state, facility, pavilions);
        Figures before = r.figures();
        Rebalancing solved = r.solve(budget, maxMoves);
        List<Occupant> movers = solved.getOccupants().stream().filter(Occupant::moved).toList();
        Map<Long, List<Reason>> dropped = new LinkedHashMap<>();
        List<Occupant> accepted = r.verify(movers, dropped);
        List<PlannedMove> moves = r.explain(accepted);
        List<Unplaced> refused = new ArrayList<>();
        for (var e : dropped.entrySet()) {
            refused.add(new Unplaced(e.getKey(), state.resident(e.getKey()).name(), e.getValue()));
        }
        int pinned = (int) r.occupants.stream().filter(Occupant::pinned).count();
        String score = solved.getScore() == null ? "not solved: nobody to move" : solved.getScore().toString();
        return new Outcome(moves, refused, pinned, before, r.figures(), score,
                (System.nanoTime() - start) / 1_000_000);
    }

    private Rebalancing solve(Duration budget, int maxMoves) {
        Rebalancing problem = new Rebalancing(List.copyOf(cells.values()), occupants, aparts(),
                new MoveBudget(maxMoves));
        if (occupants.isEmpty() || cells.size() < 2 && occupants.size() < 2) {
            return problem;
        }
        // stop early once nothing has improved for a while: a small estate needs a fraction of the budget
        Duration unimproved = Duration.ofMillis(Math.max(1000, budget.toMillis() / 3));
        return FACTORY.buildSolver(new SolverConfigOverride().withTerminationConfig(
                new TerminationConfig().withSpentLimit(budget).withUnimprovedSpentLimit(unimproved)))
                .solve(problem);
    }

    private List<Apart> aparts() {
        Set<Long> inScope = new HashSet<>();
        occupants.forEach(o -> inScope.add(o.id()));
        // one fact per pair, at the strictest level of its non-associations (a pair may have several)
        Map<List<Long>, Apart> byPair = new LinkedHashMap<>();
        for (Occupant o : occupants) {
            for (NonAssociation na : state.nonAssociations(o.id())) {
                if (inScope.contains(na.other(o.id()))) {
                    byPair.merge(List.of(na.personA(), na.personB()),
                            new Apart(na.personA(), na.personB(), na.level().ordinal()),
                            (x, y) -> x.level() >= y.level() ? x : y);
                }
            }
        }
        return List.copyOf(byPair.values());
    }

    /**
     * Applies the movers to the state as applying the plan will (everyone lifted, then placed one by one, each
     * checked); a move that fails is dropped with its reason and the rest re-checked without it, until all pass.
     */
    private List<Occupant> verify(List<Occupant> movers, Map<Long, List<Reason>> dropped) {
        List<Occupant> accepted = new ArrayList<>(movers);
        accepted.sort(Comparator.comparing((Occupant o) -> cellById.get(o.getCell().id()).code())
                .thenComparingLong(Occupant::id));
        while (true) {
            accepted.forEach(o -> state.lift(o.id()));
            List<Occupant> failed = new ArrayList<>();
            for (Occupant o : accepted) {
                List<Violation> v = state.check(o.id(), o.getCell().id());
                if (v.isEmpty()) {
                    state.move(o.id(), o.getCell().id());
                } else {
                    failed.add(o);
                    dropped.put(o.id(), v.stream().map(x -> Reason.breaking(Reason.Code.KEPT_IN, x,
                            cellById.get(o.profile().origin().id()).code(), cellById.get(o.getCell().id()).code()))
                            .toList());
                }
            }
            if (failed.isEmpty()) {
                return accepted;
            }
            accepted.forEach(o -> state.move(o.id(), o.profile().origin().id()));
            accepted.removeAll(failed);
        }
    }

    private List<PlannedMove> explain(List<Occupant> accepted) {
        Map<Long, Integer> before = new HashMap<>();
        occupants.forEach(o -> before.merge(o.profile().origin().id(), 1, Integer::sum));
        Map<Long, List<Profile>> initially = new HashMap<>();
        occupants.forEach(o -> initially.computeIfAbsent(o.profile().origin().id(), k -> new ArrayList<>())
                .add(o.profile()));
        List<PlannedMove> out = new ArrayList<>();
        for (Occupant o : accepted) {
            HousingCell from = cellById.get(o.profile().origin().id());
            HousingCell to = cellById.get(o.getCell().id());
            int fromBefore = before.getOrDefault(from.id(), 0);
            int toBefore = before.getOrDefault(to.id(), 0);
            int fromAfter = state.population(from.id());
            int toAfter = state.population(to.id());
            List<Reason> why = new ArrayList<>();
            boolean coDefendant = initially.get(from.id()).stream()
                    .anyMatch(p -> p != o.profile() && p.sharesCase(o.profile()));
            if (coDefendant && !state.holdsCoDefendant(o.id(), to.id())) {
                why.add(Reason.of(Reason.Code.SEPARATES_CO_DEFENDANTS, from.code()));
            }
            why.add(Reason.of(Reason.Code.REBALANCED, from.code(), fromBefore, fromAfter, area(from, fromBefore),
                    area(from, fromAfter), to.code(), to.pavilionCode(), toBefore, toAfter, to.limit(),
                    area(to, toBefore), area(to, toAfter)));
            why.add(Reason.of(Reason.Code.RECHECKED, state.resident(o.id()).category()));
            out.add(new PlannedMove(o.id(), state.resident(o.id()).name(), from.id(), to.id(), to.code(),
                    to.pavilionCode(), toAfter, to.limit(), round(to.areaPerPerson(toAfter)), List.copyOf(why)));
        }
        return out;
    }

    private static Object area(HousingCell c, int people) {
        double a = c.areaPerPerson(people);
        return Double.isInfinite(a) ? "—" : round(a);
    }

    /** Figures of the cells in scope as the state now holds them. */
    private Figures figures() {
        int people = 0;
        int pairs = 0;
        int max = 0;
        int over = 0;
        double minArea = Double.POSITIVE_INFINITY;
        long crowding = 0;
        Map<Long, Profile> profiles = new HashMap<>();
        occupants.forEach(o -> profiles.put(o.id(), o.profile()));
        for (Cell cell : cells.values()) {
            List<Profile> in = state.occupants(cell.id()).stream().map(profiles::get)
                    .filter(java.util.Objects::nonNull).toList();
            int n = state.population(cell.id());
            people += n;
            max = Math.max(max, n);
            over += n > cell.limit() ? 1 : 0;
            crowding += cell.crowding(n);
            if (n > 0) {
                minArea = Math.min(minArea, cellById.get(cell.id()).areaPerPerson(n));
            }
            for (int i = 0; i < in.size(); i++) {
                for (int j = i + 1; j < in.size(); j++) {
                    pairs += in.get(i).sharesCase(in.get(j)) ? 1 : 0;
                }
            }
        }
        return new Figures(people, cells.size(), pairs, max, over,
                Double.isInfinite(minArea) ? 0 : round(minArea), crowding);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
