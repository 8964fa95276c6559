/**
 * The daily regime: movements out of the cell (to health care, hearings, court, work, exercise in the open air,
 * visits) with their escort and return. A person out of cell keeps their cell; the roll and the counts account
 * for them by the movement. Public API: {@link org.custodia.regime.MovementService} and the published view
 * {@code regime_out_of_cell}.
 */
package org.custodia.regime;
