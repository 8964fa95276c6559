/**
 * Health care in custody, clinical confidentiality first (MANDELA-9, 24-35): reception screening of every stay,
 * sick call with its clocks (received, triaged, seen), clinical notes, fitness decisions custody staff may know
 * (work, solitary confinement, transfer), and health staff's reports to the director on conditions that harm
 * someone's health with the director's answer (MANDELA-33). Clinical text is read by health staff only; the ledger
 * records that a clinical event happened, by whom and when, with the SHA-256 of the note, never the note. Public
 * API: {@link org.custodia.health.FitnessService} (fit or unfit, for the modules that decide work, solitary and
 * transfers) and {@link org.custodia.health.HealthFigures}.
 */
package org.custodia.health;
