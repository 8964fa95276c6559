/**
 * Facilities, pavilions, cells and other locations; certified capacity and its two-official approval; occupancy
 * and floor space against the standards. Public API: {@link org.custodia.estate.EstateService},
 * {@link org.custodia.estate.CapacityService}.
 */
package org.custodia.estate;
