/**
 * Demo data: the mega-prison of shared/reference/facility.md and smaller overcrowded facilities, their population
 * (Spanish names with two surnames and aliases) and one account per role. Loaded once, on a first start.
 */
package org.custodia.demo;
