package org.custodia.housing.rebalance;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/** The problem: the cells in scope, everyone in them (each starting where they are), who must be kept apart. */
@PlanningSolution
public class Rebalancing {
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Cell> cells;
    @PlanningEntityCollectionProperty
    private List<Occupant> occupants;
    @ProblemFactCollectionProperty
    private List<Apart> apart;
    @ProblemFactProperty
    private MoveBudget budget;
    @PlanningScore
    private HardMediumSoftScore score;

    public Rebalancing() {
    }

    public Rebalancing(List<Cell> cells, List<Occupant> occupants, List<Apart> apart, MoveBudget budget) {
        this.cells = cells;
        this.occupants = occupants;
        this.apart = apart;
        this.budget = budget;
    }

    public List<Cell> getCells() {
        return cells;
    }

    public List<Occupant> getOccupants() {
        return occupants;
    }

    public List<Apart> getApart() {
        return apart;
    }

    public MoveBudget getBudget() {
        return budget;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
