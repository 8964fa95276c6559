package org.custodia.health;

/**
 * Triage of a sick-call request: urgent, a clinical symptom (seen within the standard's hours), routine, or not a
 * clinical matter (answered at triage, nobody needs to be seen).
 */
public enum Priority {
    URGENT, SYMPTOM, ROUTINE, NON_CLINICAL
}
