package org.custodia.estate;

/** Places that can hold a person. COURT, HOSPITAL and TRANSIT are outside the walls but still the facility's. */
public enum LocationKind {
    CELL, RECEPTION, MEDICAL, HEARING_ROOM, PUNISHMENT, COURT, HOSPITAL, TRANSIT, WORKSHOP, EXERCISE_YARD, VISITS_ROOM;

    public boolean outsideTheWalls() {
        return this == COURT || this == HOSPITAL || this == TRANSIT;
    }
}
