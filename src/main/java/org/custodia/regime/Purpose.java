package org.custodia.regime;

import java.util.EnumSet;
import java.util.Set;
import org.custodia.estate.LocationKind;

/** Why a person leaves their cell, and the places that purpose takes them to. */
public enum Purpose {
    MEDICAL(EnumSet.of(LocationKind.MEDICAL, LocationKind.HOSPITAL)),
    HEARING(EnumSet.of(LocationKind.HEARING_ROOM)),
    COURT(EnumSet.of(LocationKind.COURT)),
    WORK(EnumSet.of(LocationKind.WORKSHOP)),
    /** MANDELA-23: exercise in the open air */
    EXERCISE(EnumSet.of(LocationKind.EXERCISE_YARD)),
    VISIT(EnumSet.of(LocationKind.VISITS_ROOM)),
    OTHER(EnumSet.of(LocationKind.MEDICAL, LocationKind.HOSPITAL, LocationKind.HEARING_ROOM, LocationKind.COURT,
            LocationKind.WORKSHOP, LocationKind.EXERCISE_YARD, LocationKind.VISITS_ROOM));

    private final Set<LocationKind> places;

    Purpose(Set<LocationKind> places) {
        this.places = places;
    }

    public boolean fits(LocationKind kind) {
        return places.contains(kind);
    }

    public Set<LocationKind> places() {
        return places;
    }
}
