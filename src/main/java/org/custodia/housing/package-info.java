/**
 * Housing and separation: groups and rivalries, affiliation claims, non-associations, category separation
 * (MANDELA-11), the placement engine and its plans, moves, swaps, bulk moves and transfers checked under lock,
 * overrides by COMMAND flagged to the inspector, emergency caps and daily cell occupancy.
 * Public API: {@link org.custodia.housing.MoveService}, {@link org.custodia.housing.PlanService},
 * {@link org.custodia.housing.TransferService}, {@link org.custodia.housing.NonAssociationService},
 * {@link org.custodia.housing.AffiliationService}, {@link org.custodia.housing.PlacementEngine}.
 */
package org.custodia.housing;
