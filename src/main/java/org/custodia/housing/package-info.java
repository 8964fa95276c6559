/**
 * Housing and separation: groups and rivalries, affiliation claims, non-associations, category separation
 * (MANDELA-11), the placement engine and its plans, moves, swaps, bulk moves and transfers checked under lock,
 * overrides by COMMAND flagged to the inspector, emergency caps and daily cell occupancy.
 * <p>
 * This package holds the services; what other modules use is {@link org.custodia.housing.AffiliationService} and
 * {@link org.custodia.housing.SeparationPolicy} (the demo's claims and categories), and the people module's
 * admission check is {@code ArrivalCheck}. Inside the module: {@code placement} (the engine: who may share a cell
 * or pavilion, the state it checks under lock, its reasons, the cell views), {@code rebalance} (the solver's model)
 * and {@code internal} (the controllers).
 */
package org.custodia.housing;
