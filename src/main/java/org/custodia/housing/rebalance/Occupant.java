package org.custodia.housing.rebalance;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** A person in a cell; the solver may give them another cell unless pinned (moving them is never lawful). */
@PlanningEntity
public class Occupant {
    @PlanningId
    private Long id;
    private Profile profile;
    @PlanningPin
    private boolean pinned;
    @PlanningVariable
    private Cell cell;

    public Occupant() {
    }

    public Occupant(Profile profile, boolean pinned) {
        this.id = profile.personId();
        this.profile = profile;
        this.pinned = pinned;
        this.cell = profile.origin();
    }

    public Long getId() {
        return id;
    }

    public long id() {
        return id;
    }

    public Profile profile() {
        return profile;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean pinned() {
        return pinned;
    }

    public Cell getCell() {
        return cell;
    }

    public void setCell(Cell cell) {
        this.cell = cell;
    }

    public boolean moved() {
        return cell != profile.origin();
    }

    public int pavilion() {
        return cell.pavilion();
    }
}
