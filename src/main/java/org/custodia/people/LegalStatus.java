package org.custodia.people;

/** The legal basis category of a detention (MANDELA-11 separates untried from convicted). */
public enum LegalStatus {
    /** pretrial: presumed innocent */
    UNTRIED,
    SENTENCED,
    ADMINISTRATIVE,
    /** transferred in from another state under a services contract */
    HELD_FOR_ANOTHER_STATE
}
