package org.custodia.people;

/** The legal basis category of a detention (MANDELA-11 separates untried from convicted). */
public enum LegalStatus {
    /** pretrial: presumed innocent */
    UNTRIED,
    SENTENCED,
    ADMINISTRATIVE,
    /** transferred in from another state under a services contract */
    HELD_FOR_ANOTHER_STATE;

    /** MANDELA-11(b): held apart from the untried as convicted (sentenced here, or held for another state). */
    public boolean convicted() {
        return this == SENTENCED || this == HELD_FOR_ANOTHER_STATE;
    }
}
