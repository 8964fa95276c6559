package org.custodia.housing.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.SeparationPolicy;
import org.custodia.housing.placement.HousingState.Where;
import org.custodia.people.Sex;

/**
 * The placement engine against generated estates and populations: no plan ever holds a hard violation (checked
 * here by an independent pairwise checker, not by the engine's own rules), everyone is either placed or has a reason,
 * and with room and nothing to separate everyone is placed.
 */
class PlacementProperties {
    static final List<AffiliationService.Rivalry> RIVALRIES = List.of(
            new AffiliationService.Rivalry("B18-SUR", "MS-13", "PAVILION"),
            new AffiliationService.Rivalry("B18-REV", "MS-13", "PAVILION"),
            new AffiliationService.Rivalry("B18-REV", "B18-SUR", "CELL"));
    static final String[] GROUPS = {"MS-13", "B18-SUR", "B18-REV", "TDA"};

    record World(HousingState state, List<Long> toPlace, Map<Long, HousingCell> cells, List<NonAssociation> apart,
                 Map<Long, Resident> residents) {
    }

    static World world(long seed, int pavilions, int cellsPerPavilion, int people, int pairs) {
        Random r = new Random(seed);
        HousingState s = new HousingState(new SeparationPolicy(21, r.nextBoolean() ? Level.PAVILION : Level.CELL),
                RIVALRIES);
        Map<Long, HousingCell> cells = new HashMap<>();
        long id = 1;
        for (long p = 1; p <= pavilions; p++) {
            for (int c = 0; c < cellsPerPavilion; c++) {
                int cap = 1 + r.nextInt(12);
                HousingCell cell = new HousingCell(id, "C" + id, "F", p, "P" + p, cap, cap, false,
                        BigDecimal.valueOf(4 + r.nextInt(60)), 0);
                s.addCell(cell);
                cells.put(id++, cell);
            }
        }
        Map<Long, Resident> residents = new HashMap<>();
        List<Long> toPlace = new ArrayList<>();
        for (long p = 1000; p < 1000 + people; p++) {
            Set<String> groups = new HashSet<>();
            if (r.nextInt(10) < 7) {
                groups.add(GROUPS[r.nextInt(GROUPS.length)]);
            }
            Resident res = new Resident(p, "P" + p, r.nextInt(10) == 0 ? Sex.FEMALE : Sex.MALE, r.nextInt(4) == 0,
                    r.nextInt(8) == 0, groups, r.nextInt(30) == 0 ? "TB" : null,
                    r.nextInt(3) == 0 ? Set.of("EXP-" + r.nextInt(20)) : Set.of());
            residents.put(p, res);
            s.addResident(res, new Where(-5, null, "F"));
            toPlace.add(p);
        }
        List<NonAssociation> apart = new ArrayList<>();
        for (int i = 0; i < pairs && people > 1; i++) {
            long a = 1000 + r.nextInt(people);
            long b = 1000 + r.nextInt(people);
            if (a != b) {
                NonAssociation na = new NonAssociation(i, Math.min(a, b), Math.max(a, b),
                        Level.values()[r.nextInt(10) == 0 ? 2 : r.nextInt(2)], "THREAT", "x", "t", null, true);
                s.addNonAssociation(na);
                apart.add(na);
            }
        }
        return new World(s, toPlace, cells, apart, residents);
    }

    @Property(tries = 150)
    void noPlanHoldsAHardViolation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int pavilions,
                                   @ForAll @IntRange(min = 1, max = 8) int cellsPerPavilion,
                                   @ForAll @IntRange(min = 0, max = 160) int people,
                                   @ForAll @IntRange(min = 0, max = 30) int pairs) {
        World w = world(seed, pavilions, cellsPerPavilion, people, pairs);
        PlacementEngine.Result plan = PlacementEngine.plan(w.state(), "F", w.toPlace());

        Map<Long, Long> cellOf = new HashMap<>();
        plan.moves().forEach(m -> cellOf.put(m.personId(), m.toCellId()));
        Set<Long> accounted = new HashSet<>(cellOf.keySet());
        plan.unplaced().forEach(u -> {
            assertThat(u.reasons()).as("unplaced without a reason").isNotEmpty();
            assertThat(u.reasons()).as("the engine proposed what the rules refuse")
                    .noneMatch(x -> x.code() == Reason.Code.REFUSED_ON_RECHECK);
            assertThat(accounted.add(u.personId())).as("placed and unplaced").isTrue();
        });
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(w.toPlace());
        assertLawful(w, cellOf);
        for (NonAssociation na : w.apart()) {
            if (na.level() == Level.FACILITY) {
                // both are held in the facility already: a plan cannot keep them apart, so it places neither
                assertThat(cellOf.get(na.personA())).isNull();
                assertThat(cellOf.get(na.personB())).isNull();
            }
        }
    }

    /**
     * Checks a whole assignment (person → cell) pair by pair, from the world's own data and not through the
     * engine's rules: capacity, rival groups, categories, sexes by pavilion, non-associations by cell and pavilion.
     */
    static void assertLawful(World w, Map<Long, Long> cellOf) {
        Map<Long, Integer> count = new HashMap<>();
        cellOf.values().forEach(c -> count.merge(c, 1, Integer::sum));
        count.forEach((c, n) -> assertThat(n).as("cell %s over capacity", c)
                .isLessThanOrEqualTo(w.cells().get(c).limit()));
        List<Long> placed = new ArrayList<>(cellOf.keySet());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                Resident a = w.residents().get(placed.get(i));
                Resident b = w.residents().get(placed.get(j));
                HousingCell ca = w.cells().get(cellOf.get(a.personId()));
                HousingCell cb = w.cells().get(cellOf.get(b.personId()));
                boolean sameCell = ca.id() == cb.id();
                boolean samePavilion = ca.pavilionId().equals(cb.pavilionId());
                for (String g : a.groups()) {
                    for (String h : b.groups()) {
                        String level = RIVALRIES.stream().filter(x -> (x.groupA().equals(g) && x.groupB().equals(h))
                                || (x.groupA().equals(h) && x.groupB().equals(g))).map(AffiliationService.Rivalry::level)
                                .findFirst().orElse(null);
                        assertThat(level != null && (sameCell || samePavilion && level.equals("PAVILION")))
                                .as("rivals %s and %s together", g, h).isFalse();
                    }
                }
                if (sameCell) {
                    assertThat(a.sex()).isEqualTo(b.sex());
                    assertThat(a.convicted()).isEqualTo(b.convicted());
                    assertThat(a.youngAdult()).isEqualTo(b.youngAdult());
                    assertThat(a.isolation()).isEqualTo(b.isolation());
                }
                if (samePavilion && w.state().policy().sexLevel() == Level.PAVILION) {
                    assertThat(a.sex()).as("sexes share a pavilion").isEqualTo(b.sex());
                }
            }
        }
        for (NonAssociation na : w.apart()) {
            Long ca = cellOf.get(na.personA());
            Long cb = cellOf.get(na.personB());
            if (na.level() != Level.FACILITY && ca != null && cb != null) {
                assertThat(ca).as("kept apart, in one cell").isNotEqualTo(cb);
                if (na.level() == Level.PAVILION) {
                    assertThat(w.cells().get(ca).pavilionId()).as("kept apart, in one pavilion")
                            .isNotEqualTo(w.cells().get(cb).pavilionId());
                }
            }
        }
    }

    @Property(tries = 50)
    void withRoomAndNothingToSeparateEveryoneIsPlaced(@ForAll long seed,
                                                      @ForAll @IntRange(min = 1, max = 300) int people) {
        HousingState s = new HousingState(SeparationPolicy.defaults(), RIVALRIES);
        Random r = new Random(seed);
        int places = 0;
        long id = 1;
        while (places < people) {
            int cap = 1 + r.nextInt(70);
            s.addCell(new HousingCell(id, "C" + id, "F", 1 + id % 3, "P" + (1 + id % 3), cap, cap, false,
                    BigDecimal.valueOf(96), 0));
            places += cap;
            id++;
        }
        List<Long> ids = new ArrayList<>();
        for (long p = 1; p <= people; p++) {
            s.addResident(new Resident(p, "P" + p, Sex.MALE, false, false, Set.of("MS-13"), null, Set.of()),
                    new Where(-5, null, "F"));
            ids.add(p);
        }
        PlacementEngine.Result plan = PlacementEngine.plan(s, "F", ids);
        assertThat(plan.unplaced()).isEmpty();
        assertThat(plan.moves()).hasSize(people);
    }

    @org.junit.jupiter.api.Test
    void someoneLeftOutIsPlacedWhenAnotherCanMoveAsideToMakeRoom() {
        // x (MS-13, placed first) takes the only cell u may use; u is kept apart by pavilion from w, held in P2
        HousingState s = new HousingState(SeparationPolicy.defaults(), RIVALRIES);
        s.addCell(new HousingCell(1, "A", "F", 1L, "P1", 1, 1, false, BigDecimal.TEN, 0));
        s.addCell(new HousingCell(2, "B", "F", 2L, "P2", 1, 1, false, BigDecimal.TEN, 0));
        s.addCell(new HousingCell(3, "C", "F", 2L, "P2", 1, 1, false, BigDecimal.TEN, 0));
        s.addResident(new Resident(10, "W", Sex.MALE, false, false, Set.of(), null, Set.of()),
                new Where(-5, null, "F"));
        s.move(10, 3);
        s.addResident(new Resident(1, "X", Sex.MALE, false, false, Set.of("MS-13"), null, Set.of()),
                new Where(-5, null, "F"));
        s.addResident(new Resident(2, "U", Sex.MALE, false, false, Set.of(), null, Set.of()), new Where(-5, null, "F"));
        s.addNonAssociation(new NonAssociation(1, 2, 10, Level.PAVILION, "THREAT", "amenaza", "t", null, true));

        PlacementEngine.Result plan = PlacementEngine.plan(s, "F", List.of(1L, 2L));

        assertThat(plan.unplaced()).isEmpty();
        Map<Long, Long> cellOf = new HashMap<>();
        plan.moves().forEach(m -> cellOf.put(m.personId(), m.toCellId()));
        assertThat(cellOf).containsEntry(1L, 2L).containsEntry(2L, 1L);
        assertThat(plan.moves().getFirst().why()).anyMatch(w -> w.text().contains("to make room for U"));
        assertThat(plan.moves()).extracting(PlacementEngine.PlannedMove::personId).containsExactly(1L, 2L);
    }
}
