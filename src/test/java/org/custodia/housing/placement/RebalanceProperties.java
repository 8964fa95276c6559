package org.custodia.housing.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.custodia.housing.Level;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.SeparationPolicy;
import org.custodia.housing.placement.HousingState.Where;
import org.custodia.housing.placement.PlacementProperties.World;
import org.custodia.housing.rebalance.RebalanceConstraints;
import org.custodia.people.Sex;
import org.junit.jupiter.api.Test;

/**
 * The Timefold rebalancer against generated estates, each filled lawfully but carelessly (everyone in the first
 * cell that takes them: crowded cells, co-defendants together): its plan never breaks a rule (checked by the
 * independent pairwise checker), never proposes what the re-check refuses, stays within its move budget, leaves
 * alone who cannot lawfully move, and never leaves the population worse than it found it.
 */
class RebalanceProperties {

    @Property(tries = 25)
    void aRebalancingNeverBreaksARuleAndNeverMakesThingsWorse(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int pavilions,
            @ForAll @IntRange(min = 2, max = 8) int cellsPerPavilion, @ForAll @IntRange(min = 20, max = 150) int people,
            @ForAll @IntRange(min = 0, max = 20) int pairs, @ForAll @IntRange(min = 1, max = 40) int maxMoves) {
        World w = PlacementProperties.world(seed, pavilions, cellsPerPavilion, people, pairs);
        Map<Long, Long> before = fillCarelessly(w);
        PlacementProperties.assertLawful(w, before);

        Rebalancer.Outcome o = Rebalancer.rebalance(w.state(), "F", Set.of(), Duration.ofMillis(200), maxMoves);

        assertThat(o.dropped()).as("the solver proposed what the rules refuse").isEmpty();
        assertThat(o.moves()).hasSizeLessThanOrEqualTo(maxMoves);
        Map<Long, Long> after = new HashMap<>(before);
        for (PlacementEngine.PlannedMove m : o.moves()) {
            assertThat(m.fromLocationId()).isEqualTo(before.get(m.personId()));
            assertThat(m.toCellId()).isNotEqualTo(m.fromLocationId());
            assertThat(m.why()).isNotEmpty();
            after.put(m.personId(), m.toCellId());
        }
        PlacementProperties.assertLawful(w, after);
        for (NonAssociation na : w.apart()) {
            if (na.level() == Level.FACILITY) {
                assertThat(after.get(na.personA())).as("held apart from the facility, moved")
                        .isEqualTo(before.get(na.personA()));
                assertThat(after.get(na.personB())).isEqualTo(before.get(na.personB()));
            }
        }
        assertThat(o.after().people()).isEqualTo(o.before().people()).isEqualTo(before.size());
        assertThat(o.after().coDefendantPairs()).isLessThanOrEqualTo(o.before().coDefendantPairs());
        if (o.after().coDefendantPairs() == o.before().coDefendantPairs()) {
            assertThat(o.after().crowding() + RebalanceConstraints.MOVE_COST * o.moves().size())
                    .as("moves that do not pay for themselves").isLessThanOrEqualTo(o.before().crowding());
        }
    }

    /** Everyone in the first cell (by id) that lawfully takes them; returns person → cell. */
    static Map<Long, Long> fillCarelessly(World w) {
        List<HousingCell> cells = w.cells().values().stream().sorted(Comparator.comparingLong(HousingCell::id)).toList();
        Map<Long, Long> cellOf = new HashMap<>();
        for (long p : w.toPlace()) {
            for (HousingCell c : cells) {
                if (w.state().check(p, c.id()).isEmpty()) {
                    w.state().move(p, c.id());
                    cellOf.put(p, c.id());
                    break;
                }
            }
        }
        return cellOf;
    }

    @Test
    void coDefendantsAreSeparatedAndACrowdedCellEvenedOut() {
        HousingState s = new HousingState(SeparationPolicy.defaults(), PlacementProperties.RIVALRIES);
        s.addCell(new HousingCell(1, "A", "F", 1L, "P1", 6, 6, false, new BigDecimal("20.00"), 0));
        s.addCell(new HousingCell(2, "B", "F", 1L, "P1", 6, 6, false, new BigDecimal("20.00"), 0));
        for (long p = 1; p <= 6; p++) {
            s.addResident(new Resident(p, "P" + p, Sex.MALE, false, false, Set.of(), null,
                    p <= 2 ? Set.of("EXP-1") : Set.of()), new Where(-5, null, "F"));
            s.move(p, 1);
        }
        Rebalancer.Outcome o = Rebalancer.rebalance(s, "F", Set.of(), Duration.ofSeconds(1), 10);
        assertThat(o.before().coDefendantPairs()).isEqualTo(1);
        assertThat(o.after().coDefendantPairs()).isZero();
        assertThat(o.after().maxPopulation()).isLessThanOrEqualTo(4);
        assertThat(o.moves()).hasSizeBetween(2, 3);
        assertThat(o.moves()).anySatisfy(m -> assertThat(m.why().getFirst().text()).startsWith("separates co-defendants"));
    }

    @Test
    void aMoveTheReCheckRefusesIsDroppedWithItsReason() {
        // a B18 man in a ward of pavilion 2, outside any cell: the solver does not see him, the re-check does
        HousingState s = new HousingState(SeparationPolicy.defaults(), PlacementProperties.RIVALRIES);
        s.addCell(new HousingCell(1, "A", "F", 1L, "P1", 10, 10, false, new BigDecimal("20.00"), 0));
        s.addCell(new HousingCell(2, "B", "F", 2L, "P2", 10, 10, false, new BigDecimal("20.00"), 0));
        for (long p = 1; p <= 8; p++) {
            s.addResident(new Resident(p, "P" + p, Sex.MALE, false, false, Set.of("MS-13"), null, Set.of()),
                    new Where(-5, null, "F"));
            s.move(p, 1);
        }
        s.addResident(new Resident(99, "Ward", Sex.MALE, false, false, Set.of("B18-SUR"), null, Set.of()),
                new Where(500, 2L, "F"));
        Rebalancer.Outcome o = Rebalancer.rebalance(s, "F", Set.of(), Duration.ofSeconds(1), 10);
        assertThat(o.moves()).isEmpty();
        assertThat(o.dropped()).isNotEmpty().allSatisfy(u -> assertThat(u.reasons().getFirst().text())
                .startsWith("kept in A: the move to B would break").contains("B18-SUR/MS-13"));
        assertThat(o.after()).isEqualTo(o.before());
    }
}
