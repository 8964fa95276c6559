package org.custodia.housing.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.placement.HousingState.Where;

/**
 * Proposes a cell for each person to house. Hard rules (capacity or an authorised emergency cap, rival groups,
 * non-associations, category separation) are never broken; among lawful cells it keeps groups and categories
 * together so the estate does not fragment, spreads people evenly (floor area per person) and keeps co-defendants
 * apart. Every proposal is then re-checked, one by one, by {@link HousingState#check}; anything that fails is
 * reported as unplaced with the reason, never returned silently.
 */
public final class PlacementEngine {
    private static final int OK = 0;
    private static final int FULL = 1;
    private static final int CATEGORY = 2;
    private static final int RIVAL = 3;
    private static final int SEX = 4;
    private static final int NON_ASSOCIATION = 5;
    private static final int NON_ASSOCIATION_FACILITY = 6;
    private static final Reason.Code[] RULE_REASON = {null, Reason.Code.NO_PLACE, Reason.Code.CATEGORY_APART,
            Reason.Code.RIVALS, Reason.Code.SEXES_APART, Reason.Code.KEPT_APART, null};

    public record PlannedMove(long personId, String name, Long fromLocationId, long toCellId, String toCellCode,
                              String pavilionCode, int populationAfter, int limit, double areaPerPerson,
                              List<Reason> why) {
    }

    public record Unplaced(long personId, String name, List<Reason> reasons) {
    }

    public record Stats(int people, int placed, int unplaced, int cells, int coDefendantsTogether,
                        double minAreaPerPerson, double meanAreaPerPerson, long millis) {
    }

    public record Result(List<PlannedMove> moves, List<Unplaced> unplaced, Stats stats) {
    }

    private final HousingState state;
    private final String facility;
    private final HousingCell[] cells;
    private final int[] pav;
    private final int[] pop;
    private final int[] limit;
    private final int[] key;
    private final long[] cellMask;
    private final int[] cellGroupCount;
    private final long[] pavMask;
    private final int[] pavSexMask;
    private final Map<Long, Integer> cellIndex = new HashMap<>();
    private final Map<Long, Integer> pavIndex = new HashMap<>();
    private final Map<Long, Integer> cellCases = new HashMap<>();
    private final ResidentBits bits;

    private PlacementEngine(HousingState state, String facility, Set<Long> excludedPavilions) {
        this.state = state;
        this.facility = facility;
        this.cells = state.cells().values().stream().filter(c -> c.facilityCode().equals(facility))
                .filter(c -> c.pavilionId() != null && !excludedPavilions.contains(c.pavilionId()))
                .sorted(Comparator.comparing(HousingCell::pavilionCode).thenComparing(HousingCell::code))
                .toArray(HousingCell[]::new);
        int n = cells.length;
        pav = new int[n];
        pop = new int[n];
        limit = new int[n];
        key = new int[n];
        cellMask = new long[n];
        for (int c = 0; c < n; c++) {
            cellIndex.put(cells[c].id(), c);
            pav[c] = pavIndex.computeIfAbsent(cells[c].pavilionId(), k -> pavIndex.size());
            limit[c] = cells[c].limit();
        }
        pavMask = new long[pavIndex.size()];
        pavSexMask = new int[pavIndex.size()];
        bits = new ResidentBits(state, List.of(cells));
        cellGroupCount = new int[n * Math.max(1, bits.groupCount())];
    }

    /** Plans a cell in {@code facility} for each person (in custody there, anywhere but those cells or in them). */
    public static Result plan(HousingState state, String facility, List<Long> people) {
        return plan(state, facility, people, Set.of());
    }

    /** As {@link #plan(HousingState, String, List)}, leaving out the cells of some pavilions (one being emptied). */
    public static Result plan(HousingState state, String facility, List<Long> people, Set<Long> excludedPavilions) {
        long start = System.nanoTime();
        PlacementEngine e = new PlacementEngine(state, facility, excludedPavilions);
        Result r = e.run(people);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Stats s = r.stats();
        return new Result(r.moves(), r.unplaced(), new Stats(s.people(), s.placed(), s.unplaced(), s.cells(),
                s.coDefendantsTogether(), s.minAreaPerPerson(), s.meanAreaPerPerson(), millis));
    }

    /** One person to place, with everything the fast checks need. */
    private final class Person {
        final long id;
        final Resident r;
        final int key;
        final long groups;
        final long cellRivals;
        final long pavRivals;
        final int[] cases;
        final List<long[]> apart = new ArrayList<>();
        int assigned = -1;
        int rank;

        Person(long id) {
            this.id = id;
            this.r = state.resident(id);
            this.key = bits.key(r);
            this.groups = bits.groups(r);
            cellRivals = bits.cellRivals(groups);
            pavRivals = bits.pavilionRivals(groups);
            cases = bits.cases(r);
        }
    }

    private Result run(List<Long> peopleIds) {
        Map<Long, Person> people = new LinkedHashMap<>();
        for (long id : peopleIds) {
            people.putIfAbsent(id, new Person(id));
            state.lift(id);
        }
        loadPopulation();
        for (Person p : people.values()) {
            for (NonAssociation na : state.nonAssociations(p.id)) {
                p.apart.add(new long[] {na.other(p.id), na.level().ordinal()});
            }
            p.rank = p.pavRivals != 0 ? 0 : p.cellRivals != 0 ? 1 : !p.apart.isEmpty() ? 2 : 3;
        }
        List<Person> order = new ArrayList<>(people.values());
        order.sort(Comparator.<Person>comparingInt(p -> p.rank).thenComparingLong(p -> p.groups)
                .thenComparingInt(p -> p.key).thenComparing(p -> -p.apart.size()).thenComparingLong(p -> p.id));
        int[] soft = softLimits(order.size());
        List<Person> left = new ArrayList<>();
        List<Person> placedOrder = new ArrayList<>();
        for (Person p : order) {
            if (!place(p, soft, people)) {
                left.add(p);
            } else {
                placedOrder.add(p);
            }
        }
        List<Person> still = new ArrayList<>();
        for (Person p : left) {
            if (place(p, limit, people)) {
                placedOrder.add(p);
            } else {
                still.add(p);
            }
        }
        return verify(placedOrder, still, people);
    }

    /** Counts who is in the cells now; the people being placed have been lifted out of them first. */
    private void loadPopulation() {
        for (int c = 0; c < cells.length; c++) {
            pop[c] = state.population(cells[c].id());
            int k = -1;
            for (long o : state.occupants(cells[c].id())) {
                Resident r = state.resident(o);
                int ok = bits.key(r);
                k = k == -1 || k == ok ? ok : -2;
                add(c, bits.groups(r), r.sex().ordinal(), bits.cases(r));
            }
            key[c] = k;
        }
        // people in a pavilion outside its cells (a corridor, a ward) count for pavilion rules too
        for (var e : pavIndex.entrySet()) {
            for (var g : state.pavilionGroups(e.getKey()).entrySet()) {
                Integer gi = bits.group(g.getKey());
                if (gi != null && g.getValue() > 0) {
                    pavMask[e.getValue()] |= 1L << gi;
                }
            }
            for (var x : state.pavilionSexes(e.getKey()).entrySet()) {
                if (x.getValue() > 0) {
                    pavSexMask[e.getValue()] |= 1 << x.getKey().ordinal();
                }
            }
        }
    }

    private void add(int c, long groups, int sex, int[] cases) {
        int gs = bits.groupCount();
        for (int g = 0; g < gs; g++) {
            if ((groups & (1L << g)) != 0) {
                cellGroupCount[c * gs + g]++;
            }
        }
        cellMask[c] |= groups;
        pavMask[pav[c]] |= groups;
        pavSexMask[pav[c]] |= 1 << sex;
        for (int k : cases) {
            cellCases.merge(((long) c << 32) | k, 1, Integer::sum);
        }
    }

    /** Even spread: each cell is first filled only to about the share of the whole population it would hold. */
    private int[] softLimits(int newcomers) {
        long total = newcomers;
        long places = 0;
        for (int c = 0; c < cells.length; c++) {
            total += pop[c];
            places += limit[c];
        }
        // a quarter of headroom leaves some cells empty for the categories and groups placed last
        double fill = places == 0 ? 1 : Math.min(1.0, 1.25 * total / places);
        int[] soft = new int[cells.length];
        for (int c = 0; c < cells.length; c++) {
            soft[c] = Math.min(limit[c], Math.max(pop[c], (int) Math.ceil(limit[c] * fill)));
        }
        return soft;
    }

    private boolean place(Person p, int[] cap, Map<Long, Person> people) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cells.length; c++) {
            if (pop[c] >= cap[c] || hard(p, c, people) != OK) {
                continue;
            }
            double s = score(p, c);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        if (best < 0) {
            return false;
        }
        p.assigned = best;
        pop[best]++;
        key[best] = key[best] == -1 ? p.key : key[best];
        add(best, p.groups, p.r.sex().ordinal(), p.cases);
        return true;
    }

    private int hard(Person p, int c, Map<Long, Person> people) {
        if (pop[c] >= limit[c]) {
            return FULL;
        }
        if (key[c] != -1 && key[c] != p.key) {
            return CATEGORY;
        }
        if ((cellMask[c] & p.cellRivals) != 0 || (pavMask[pav[c]] & p.pavRivals) != 0) {
            return RIVAL;
        }
        int sexes = pavSexMask[pav[c]];
        if (state.policy().sexLevel() == Level.PAVILION && sexes != 0 && sexes != 1 << p.r.sex().ordinal()) {
            return SEX;
        }
        for (long[] na : p.apart) {
            Level level = Level.values()[(int) na[1]];
            Person other = people.get(na[0]);
            long cellId;
            int otherPav;
            String otherFacility;
            if (other != null && other.assigned >= 0) {
                cellId = cells[other.assigned].id();
                otherPav = pav[other.assigned];
                otherFacility = facility;
            } else {
                Where w = state.where(na[0]);
                if (w == null) {
                    continue;
                }
                cellId = w.locationId();
                otherPav = w.pavilionId() == null ? -1 : pavIndex.getOrDefault(w.pavilionId(), -1);
                otherFacility = w.facilityCode();
            }
            if (cellId == cells[c].id() || (level.atLeast(Level.PAVILION) && otherPav == pav[c])) {
                return NON_ASSOCIATION;
            }
            if (level == Level.FACILITY && otherFacility.equals(facility)) {
                return NON_ASSOCIATION_FACILITY;
            }
        }
        return OK;
    }

    private double score(Person p, int c) {
        double s = 0;
        if (key[c] == p.key) {
            s += 100;
        }
        if (p.groups != 0 && (cellMask[c] & p.groups) != 0) {
            s += 50;
        }
        if (p.groups != 0 && (pavMask[pav[c]] & p.groups) != 0) {
            s += 20;
        }
        if (coDefendantIn(p, c)) {
            s -= 1000;
        }
        double area = cells[c].areaPerPerson(pop[c] + 1);
        return s + (Double.isInfinite(area) ? 0 : Math.min(area, 10));
    }

    private boolean coDefendantIn(Person p, int c) {
        for (int k : p.cases) {
            if (cellCases.getOrDefault(((long) c << 32) | k, 0) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Re-checks every proposal in order against the full rules and explains it. */
    private Result verify(List<Person> placed, List<Person> unplacedPeople, Map<Long, Person> people) {
        List<PlannedMove> moves = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Person p : unplacedPeople) {
            unplaced.add(new Unplaced(p.id, p.r.name(), reasons(p, people)));
        }
        Map<Long, Where> fromOf = new HashMap<>();
        people.keySet().forEach(id -> fromOf.put(id, state.where(id)));
        for (Person p : placed) {
            HousingCell cell = cells[p.assigned];
            List<Violation> v = state.check(p.id, cell.id());
            if (!v.isEmpty()) {
                unplaced.add(new Unplaced(p.id, p.r.name(), v.stream()
                        .map(x -> Reason.breaking(Reason.Code.REFUSED_ON_RECHECK, x)).toList()));
                continue;
            }
            boolean coDefendant = state.holdsCoDefendant(p.id, cell.id());
            state.move(p.id, cell.id());
            moves.add(explain(p, cell, fromOf.get(p.id), coDefendant));
        }
        if (!unplaced.isEmpty()) {
            repair(moves, unplaced, people, fromOf);
        }
        int together = (int) moves.stream()
                .filter(m -> m.why().stream().anyMatch(w -> w.code() == Reason.Code.CO_DEFENDANT)).count();
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        int counted = 0;
        for (HousingCell c : cells) {
            int n = state.population(c.id());
            if (n > 0 && c.floorAreaM2() != null) {
                double a = c.areaPerPerson(n);
                min = Math.min(min, a);
                sum += a;
                counted++;
            }
        }
        Stats stats = new Stats(people.size(), moves.size(), unplaced.size(), cells.length, together,
                counted == 0 ? 0 : round(min), counted == 0 ? 0 : round(sum / counted), 0);
        return new Result(moves, unplaced, stats);
    }

    /**
     * A second chance for people the greedy pass left out: a full cell that breaks no other rule for them can take
     * them if someone this plan placed there can move to a cell with room where every rule holds for them. Both
     * moves go through {@link HousingState#check}; the person moved aside keeps their place in the plan's order, so
     * applying the plan (everyone lifted, then placed in order) frees the place before it is taken.
     */
    private void repair(List<PlannedMove> moves, List<Unplaced> unplaced, Map<Long, Person> people,
                        Map<Long, Where> fromOf) {
        Map<Long, Integer> planned = new HashMap<>();
        for (int i = 0; i < moves.size(); i++) {
            planned.put(moves.get(i).personId(), i);
        }
        List<HousingCell> withRoom = new ArrayList<>();
        for (HousingCell d : cells) {
            if (state.population(d.id()) < d.limit()) {
                withRoom.add(d);
            }
        }
        for (var it = unplaced.iterator(); it.hasNext() && !withRoom.isEmpty(); ) {
            Person u = people.get(it.next().personId());
            if (u == null || u.apart.stream().anyMatch(a -> a[1] == Level.FACILITY.ordinal())) {
                continue;
            }
            PlannedMove[] made = makeRoom(u, planned, withRoom, people, fromOf);
            if (made != null) {
                withRoom.removeIf(d -> state.population(d.id()) >= d.limit());
                it.remove();
                if (made[0] != null) {
                    moves.set(planned.get(made[0].personId()), made[0]);
                }
                planned.put(u.id, moves.size());
                moves.add(made[1]);
            }
        }
    }

    /** The moved-aside person's new move (null if nobody had to move) and the unplaced person's, or null. */
    private PlannedMove[] makeRoom(Person u, Map<Long, Integer> planned, List<HousingCell> withRoom,
                                   Map<Long, Person> people, Map<Long, Where> fromOf) {
        for (HousingCell c : cells) {
            List<Violation> v = state.check(u.id, c.id());
            if (v.isEmpty()) {
                // room the first pass did not see (its proposal was refused on re-check): take it
                boolean coDefendant = state.holdsCoDefendant(u.id, c.id());
                state.move(u.id, c.id());
                u.assigned = indexOf(c);
                return new PlannedMove[] {null, explain(u, c, fromOf.get(u.id), coDefendant)};
            }
            if (v.stream().anyMatch(x -> x.rule() != Violation.Rule.CAPACITY)) {
                continue;
            }
            for (long o : List.copyOf(state.occupants(c.id()))) {
                Person aside = people.get(o);
                if (aside == null || !planned.containsKey(o)) {
                    continue;
                }
                for (HousingCell d : withRoom) {
                    if (d.id() == c.id() || !state.check(o, d.id()).isEmpty()) {
                        continue;
                    }
                    state.move(o, d.id());
                    if (!state.check(u.id, c.id()).isEmpty()) {
                        state.move(o, c.id());
                        continue;
                    }
                    boolean coDefendant = state.holdsCoDefendant(u.id, c.id());
                    state.move(u.id, c.id());
                    aside.assigned = indexOf(d);
                    u.assigned = indexOf(c);
                    PlannedMove movedAside = withWhy(explain(aside, d, fromOf.get(o), state.holdsCoDefendant(o,
                            d.id())), Reason.of(Reason.Code.MOVED_ASIDE, d.code(), c.code(), u.r.name()));
                    PlannedMove placed = withWhy(explain(u, c, fromOf.get(u.id), coDefendant),
                            Reason.of(Reason.Code.PLACED_AFTER, aside.r.name(), d.code()));
                    return new PlannedMove[] {movedAside, placed};
                }
            }
        }
        return null;
    }

    private int indexOf(HousingCell cell) {
        return cellIndex.get(cell.id());
    }

    private static PlannedMove withWhy(PlannedMove m, Reason why) {
        List<Reason> all = new ArrayList<>(m.why());
        all.add(why);
        return new PlannedMove(m.personId(), m.name(), m.fromLocationId(), m.toCellId(), m.toCellCode(),
                m.pavilionCode(), m.populationAfter(), m.limit(), m.areaPerPerson(), List.copyOf(all));
    }

    private PlannedMove explain(Person p, HousingCell cell, Where from, boolean coDefendant) {
        int after = state.population(cell.id());
        double area = round(cell.areaPerPerson(after));
        List<Reason> why = new ArrayList<>();
        why.add(cell.capped()
                ? Reason.of(Reason.Code.CELL_CAPPED, cell.code(), cell.pavilionCode(), after, cell.limit(), area,
                        cell.certifiedCapacity())
                : Reason.of(Reason.Code.CELL, cell.code(), cell.pavilionCode(), after, cell.limit(), area));
        why.add(Reason.of(Reason.Code.CATEGORY, p.r.category()));
        why.add(p.r.groups().isEmpty() ? Reason.of(Reason.Code.NO_AFFILIATION)
                : Reason.of(Reason.Code.GROUPS, String.join(", ", p.r.groups().stream().sorted().toList())));
        if (!p.apart.isEmpty()) {
            why.add(Reason.of(Reason.Code.APART, p.apart.size()));
        }
        if (coDefendant) {
            why.add(Reason.of(Reason.Code.CO_DEFENDANT));
        }
        return new PlannedMove(p.id, p.r.name(), from == null ? null : from.locationId(), cell.id(), cell.code(),
                cell.pavilionCode(), after, cell.limit(), area, List.copyOf(why));
    }

    /** Why no cell took the person: each cell's first failing rule, counted. */
    private List<Reason> reasons(Person p, Map<Long, Person> people) {
        int[] count = new int[RULE_REASON.length];
        for (int c = 0; c < cells.length; c++) {
            count[hard(p, c, people)]++;
        }
        List<Reason> out = new ArrayList<>();
        if (count[NON_ASSOCIATION_FACILITY] > 0) {
            out.add(Reason.of(Reason.Code.TRANSFER_NEEDED, facility));
        }
        for (int rule = FULL; rule <= NON_ASSOCIATION; rule++) {
            if (count[rule] > 0) {
                out.add(Reason.of(RULE_REASON[rule], count[rule]));
            }
        }
        if (cells.length == 0) {
            out.add(Reason.of(Reason.Code.NO_CELLS));
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
