/**
 * Batch reception: a transfer flight or a mass arrest uploaded as CSV or JSON, validated row by row, checked for
 * people already known, and admitted together. Public API: {@link org.custodia.intake.IntakeService}.
 */
package org.custodia.intake;
