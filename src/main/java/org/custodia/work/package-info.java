/**
 * The work programme: workshops with their hours, weekdays, risk and pay; sessions day by day; allocations checked
 * for capacity (with a waiting list), separation (rivals and non-associated people are not allocated to one
 * workshop, as in a cell) and the limits of MANDELA-96..103 (hours a day and a week, a weekly rest day);
 * attendance per session recorded in bulk with its exceptions; hours and pay from attendance; and the figures that
 * compare people allocated, expected and attending. Work is never a sanction: nothing here records one.
 */
package org.custodia.work;
