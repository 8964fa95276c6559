package org.custodia.housing.rebalance;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

/**
 * Hard: the housing rules as a move is checked when applied (only people who move can break them; what is already
 * there was lawful or authorised) and the move budget. Medium: co-defendants sharing a cell. Soft: crowding
 * (people² per m², least when space per person is even) and a price for every person moved, so nobody is moved
 * for a trivial gain.
 */
public class RebalanceConstraints implements ConstraintProvider {
    /** What one person moved costs, in crowding thousandths: in cells of 96 m², evening two cells out by 6 people. */
    public static final long MOVE_COST = 100;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        // one pass per cell gives every cell-level figure; the constraints below share it
        BiConstraintStream<Cell, CellMix.Figures> cells = f.forEach(Occupant.class)
                .groupBy(Occupant::getCell, new PlaceCollector<>(CellMix::new));
        return new Constraint[] {capacity(cells), sharedCell(cells), pavilion(f), keptApart(f), moveBudget(f),
                coDefendants(cells), crowding(cells), moves(f)};
    }

    /** Nobody moves into a cell that would then be over its limit (a cell already over it may only lose people). */
    Constraint capacity(BiConstraintStream<Cell, CellMix.Figures> cells) {
        return cells.filter((cell, x) -> x.movedIn() > 0 && x.people() > cell.limit())
                .penalize(HardMediumSoftScore.ONE_HARD, (cell, x) -> x.people() - cell.limit())
                .asConstraint("capacity");
    }

    Constraint sharedCell(BiConstraintStream<Cell, CellMix.Figures> cells) {
        return cells.filter((cell, x) -> x.breaches() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (cell, x) -> x.breaches())
                .asConstraint("category or rival group in the cell");
    }

    Constraint pavilion(ConstraintFactory f) {
        return f.forEach(Occupant.class)
                .groupBy(Occupant::pavilion, new PlaceCollector<>(PavilionMix::new))
                .filter((pavilion, breaches) -> breaches > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (pavilion, breaches) -> breaches)
                .asConstraint("rival group or other sex in the pavilion");
    }

    Constraint keptApart(ConstraintFactory f) {
        return f.forEach(Apart.class)
                .join(Occupant.class, Joiners.equal(Apart::personA, Occupant::id))
                .join(Occupant.class, Joiners.equal((apart, a) -> apart.personB(), Occupant::id))
                .filter((apart, a, b) -> (a.moved() || b.moved()) && (apart.level() >= 2
                        || a.getCell() == b.getCell() || apart.level() >= 1 && a.pavilion() == b.pavilion()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("non-association");
    }

    Constraint moveBudget(ConstraintFactory f) {
        return f.forEach(Occupant.class).filter(Occupant::moved)
                .groupBy(count())
                .join(MoveBudget.class)
                .filter((moved, budget) -> moved > budget.maxMoves())
                .penalize(HardMediumSoftScore.ONE_HARD, (moved, budget) -> moved - budget.maxMoves())
                .asConstraint("move budget");
    }

    Constraint coDefendants(BiConstraintStream<Cell, CellMix.Figures> cells) {
        return cells.filter((cell, x) -> x.coDefendantPairs() > 0)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (cell, x) -> x.coDefendantPairs())
                .asConstraint("co-defendants in one cell");
    }

    Constraint crowding(BiConstraintStream<Cell, CellMix.Figures> cells) {
        return cells.penalize(HardMediumSoftScore.ONE_SOFT, (cell, x) -> cell.crowding(x.people()))
                .asConstraint("crowding");
    }

    Constraint moves(ConstraintFactory f) {
        return f.forEach(Occupant.class).filter(Occupant::moved)
                .penalize(HardMediumSoftScore.ONE_SOFT, o -> MOVE_COST)
                .asConstraint("people moved");
    }
}
