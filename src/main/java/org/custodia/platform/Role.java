package org.custodia.platform;

/** Duties an official can hold. Role rules on every handler name these. */
public enum Role {
    /** custody staff: counts, movements */
    OFFICER,
    /** reception and legal records */
    RECORDS,
    /** clinical staff */
    HEALTH,
    /** facility director, or national command */
    COMMAND,
    FINANCE,
    /** independent oversight: reads everything, changes nothing but its own findings */
    INSPECTOR,
    /** accounts and estate */
    ADMIN
}
