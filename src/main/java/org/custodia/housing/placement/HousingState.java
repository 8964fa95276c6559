package org.custodia.housing.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.SeparationPolicy;
import org.custodia.housing.placement.Violation.Rule;
import org.custodia.people.Sex;

/**
 * The housing rules over a part of the estate held in memory: the cells loaded, everyone in them, the people to
 * be moved and where the people they must be kept apart from are. {@link #check} says which hard rules a placement
 * would break; {@link #move} records it. Used for single moves, for applying plans, and to verify every plan the
 * engine makes before anyone sees it.
 */
public final class HousingState {
    /** Where a person is held: location, its pavilion (if any) and facility. */
    public record Where(long locationId, Long pavilionId, String facilityCode) {
    }

    private final SeparationPolicy policy;
    private final Map<String, Map<String, Level>> rivals = new HashMap<>();
    private final Map<Long, HousingCell> cells = new HashMap<>();
    private final Map<Long, Integer> population = new HashMap<>();
    private final Map<Long, Set<Long>> occupants = new HashMap<>();
    private final Map<Long, Resident> residents = new HashMap<>();
    private final Map<Long, Where> where = new HashMap<>();
    private final Map<Long, Map<String, Integer>> pavilionGroups = new HashMap<>();
    private final Map<Long, Map<Sex, Integer>> pavilionSexes = new HashMap<>();
    private final Map<Long, List<NonAssociation>> nonAssociations = new HashMap<>();

    public HousingState(SeparationPolicy policy, Collection<AffiliationService.Rivalry> rivalries) {
        this.policy = policy;
        for (AffiliationService.Rivalry r : rivalries) {
            Level level = Level.valueOf(r.level());
            rivals.computeIfAbsent(r.groupA(), k -> new HashMap<>()).put(r.groupB(), level);
            rivals.computeIfAbsent(r.groupB(), k -> new HashMap<>()).put(r.groupA(), level);
        }
    }

    public SeparationPolicy policy() {
        return policy;
    }

    /** Level at which two groups are kept apart, or null. */
    public Level rivalry(String a, String b) {
        return rivals.getOrDefault(a, Map.of()).get(b);
    }

    public Map<String, Map<String, Level>> rivalries() {
        return rivals;
    }

    /** Adds a cell with everyone the estate holds in it (their count must be its population). */
    public void addCell(HousingCell cell) {
        cells.put(cell.id(), cell);
        population.put(cell.id(), cell.population());
        occupants.putIfAbsent(cell.id(), new HashSet<>());
    }

    /** Adds a person where they are now: in a loaded cell, or elsewhere (reception, another pavilion). */
    public void addResident(Resident r, Where w) {
        residents.put(r.personId(), r);
        place(r.personId(), w, false);
    }

    /** Where someone who is not loaded as a resident is held (the other side of a non-association). */
    public void addWhere(long personId, Where w) {
        where.putIfAbsent(personId, w);
    }

    public void addNonAssociation(NonAssociation na) {
        if (na.active()) {
            nonAssociations.computeIfAbsent(na.personA(), k -> new ArrayList<>()).add(na);
            nonAssociations.computeIfAbsent(na.personB(), k -> new ArrayList<>()).add(na);
        }
    }

    public Map<Long, HousingCell> cells() {
        return cells;
    }

    public Resident resident(long personId) {
        return residents.get(personId);
    }

    public Where where(long personId) {
        return where.get(personId);
    }

    public int population(long cellId) {
        return population.getOrDefault(cellId, 0);
    }

    public Set<Long> occupants(long cellId) {
        return occupants.getOrDefault(cellId, Set.of());
    }

    public List<NonAssociation> nonAssociations(long personId) {
        return nonAssociations.getOrDefault(personId, List.of());
    }

    public Map<String, Integer> pavilionGroups(long pavilionId) {
        return pavilionGroups.getOrDefault(pavilionId, Map.of());
    }

    public Map<Sex, Integer> pavilionSexes(long pavilionId) {
        return pavilionSexes.getOrDefault(pavilionId, Map.of());
    }

    /**
     * Takes a person out of their cell before they are placed afresh (a plan, a bulk move): they still count for
     * their facility, no longer for a cell or pavilion.
     */
    public void lift(long personId) {
        Where old = where.get(personId);
        if (old != null && old.locationId() != -1) {
            unplace(personId, true);
            where.put(personId, new Where(-1, null, old.facilityCode()));
        }
    }

    /** The hard rules that placing the person in the cell would break (empty: the placement is lawful). */
    public List<Violation> check(long personId, long cellId) {
        Resident p = Objects.requireNonNull(residents.get(personId), "resident " + personId);
        HousingCell c = Objects.requireNonNull(cells.get(cellId), "cell " + cellId);
        Where from = where.get(personId);
        boolean inCell = from != null && from.locationId() == cellId;
        boolean inPavilion = from != null && c.pavilionId() != null && c.pavilionId().equals(from.pavilionId());
        Set<Violation> found = new LinkedHashSet<>();
        int others = population(cellId) - (inCell ? 1 : 0);
        if (others + 1 > c.limit()) {
            found.add(new Violation(Rule.CAPACITY, Level.CELL, others + "/" + c.limit(), null));
        }
        for (long o : occupants(cellId)) {
            if (o != personId) {
                cellClashes(p, residents.get(o), c.pavilionId() == null, found);
            }
        }
        if (c.pavilionId() != null) {
            Map<String, Integer> groups = pavilionGroups(c.pavilionId());
            for (String g : p.groups()) {
                for (var e : groups.entrySet()) {
                    int n = e.getValue() - (inPavilion && p.groups().contains(e.getKey()) ? 1 : 0);
                    if (n > 0 && rivalry(g, e.getKey()) == Level.PAVILION) {
                        found.add(new Violation(Rule.RIVAL_GROUP, Level.PAVILION, pair(g, e.getKey()), null));
                    }
                }
            }
            if (policy.sexLevel() == Level.PAVILION) {
                for (var e : pavilionSexes.getOrDefault(c.pavilionId(), Map.of()).entrySet()) {
                    int n = e.getValue() - (inPavilion && e.getKey() == p.sex() ? 1 : 0);
                    if (n > 0 && e.getKey() != p.sex()) {
                        found.add(new Violation(Rule.SEX, Level.PAVILION, p.sex() + "/" + e.getKey(), null));
                    }
                }
            }
        }
        for (NonAssociation na : nonAssociations(personId)) {
            Where w = where.get(na.other(personId));
            if (w == null) {
                continue;
            }
            Level at = w.locationId() == cellId ? Level.CELL
                    : c.pavilionId() != null && c.pavilionId().equals(w.pavilionId()) ? Level.PAVILION
                    : c.facilityCode().equals(w.facilityCode()) ? Level.FACILITY : null;
            if (at != null && na.level().atLeast(at)) {
                found.add(new Violation(Rule.NON_ASSOCIATION, at, na.kind() + ": " + na.reason(),
                        na.other(personId)));
            }
        }
        return List.copyOf(found);
    }

    /** Facility-level non-associations the person would break by being held in the facility at all. */
    public List<Violation> facilityClashes(long personId, String facilityCode) {
        List<Violation> out = new ArrayList<>();
        for (NonAssociation na : nonAssociations(personId)) {
            Where w = where.get(na.other(personId));
            if (na.level() == Level.FACILITY && w != null && w.facilityCode().equals(facilityCode)) {
                out.add(new Violation(Violation.Rule.NON_ASSOCIATION, Level.FACILITY, na.kind() + ": " + na.reason(),
                        na.other(personId)));
            }
        }
        return out;
    }

    /** Category and group clashes between two people sharing a cell. */
    private void cellClashes(Resident p, Resident o, boolean noPavilion, Set<Violation> found) {
        for (String g : p.groups()) {
            for (String h : o.groups()) {
                if (rivalry(g, h) != null) {
                    found.add(new Violation(Rule.RIVAL_GROUP, Level.CELL, pair(g, h), null));
                }
            }
        }
        if (p.sex() != o.sex() && (policy.sexLevel() == Level.CELL || noPavilion)) {
            found.add(new Violation(Rule.SEX, Level.CELL, p.sex() + "/" + o.sex(), null));
        }
        if (p.convicted() != o.convicted()) {
            found.add(new Violation(Rule.UNTRIED_CONVICTED, Level.CELL,
                    p.convicted() ? "CONVICTED/UNTRIED" : "UNTRIED/CONVICTED", null));
        }
        if (p.youngAdult() != o.youngAdult()) {
            found.add(new Violation(Rule.YOUNG_ADULT, Level.CELL,
                    p.youngAdult() ? "YOUNG_ADULT/ADULT" : "ADULT/YOUNG_ADULT", null));
        }
        if (!Objects.equals(p.isolation(), o.isolation())) {
            found.add(new Violation(Rule.CONTAGIOUS_ISOLATION, Level.CELL,
                    (p.isolation() == null ? "not isolated" : p.isolation()) + " with "
                            + (o.isolation() == null ? "not isolated" : o.isolation()), null));
        }
    }

    /** Whether the cell already holds a co-defendant of the person (a soft goal: keep them apart). */
    public boolean holdsCoDefendant(long personId, long cellId) {
        Resident p = residents.get(personId);
        if (p.cases().isEmpty()) {
            return false;
        }
        for (long o : occupants(cellId)) {
            if (o != personId && residents.get(o).cases().stream().anyMatch(p.cases()::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Records a person in a cell (after {@link #check}); their previous place is vacated. */
    public void move(long personId, long cellId) {
        HousingCell c = cells.get(cellId);
        place(personId, new Where(cellId, c.pavilionId(), c.facilityCode()), true);
    }

    /** Records a person leaving this part of the estate (transfer out, release). */
    public void remove(long personId) {
        unplace(personId, true);
        where.remove(personId);
    }

    private void place(long personId, Where w, boolean vacate) {
        unplace(personId, vacate);
        where.put(personId, w);
        Resident r = residents.get(personId);
        if (cells.containsKey(w.locationId())) {
            occupants.get(w.locationId()).add(personId);
            if (vacate) {
                population.merge(w.locationId(), 1, Integer::sum);
            }
        }
        if (r != null && w.pavilionId() != null) {
            Map<String, Integer> g = pavilionGroups.computeIfAbsent(w.pavilionId(), k -> new HashMap<>());
            r.groups().forEach(x -> g.merge(x, 1, Integer::sum));
            pavilionSexes.computeIfAbsent(w.pavilionId(), k -> new EnumMap<>(Sex.class)).merge(r.sex(), 1, Integer::sum);
        }
    }

    private void unplace(long personId, boolean vacate) {
        Where old = where.get(personId);
        Resident r = residents.get(personId);
        if (old == null) {
            return;
        }
        if (cells.containsKey(old.locationId())) {
            occupants.get(old.locationId()).remove(personId);
            if (vacate) {
                population.merge(old.locationId(), -1, Integer::sum);
            }
        }
        if (r != null && old.pavilionId() != null) {
            Map<String, Integer> g = pavilionGroups.get(old.pavilionId());
            r.groups().forEach(x -> g.merge(x, -1, Integer::sum));
            pavilionSexes.get(old.pavilionId()).merge(r.sex(), -1, Integer::sum);
        }
    }

    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a;
    }
}
