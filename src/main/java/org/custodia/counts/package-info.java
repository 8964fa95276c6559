/**
 * Counts and the roll: scheduled and emergency counts cell by cell (a cross count by two officers where the
 * facility asks for it), reconciled against who should be in each cell — people booked there, less those out on a
 * recorded movement — and signed off by command; while a count is open, nobody moves ({@link
 * org.custodia.people.MovementFreeze}). The establishment roll is computed from bookings and movements.
 */
package org.custodia.counts;
