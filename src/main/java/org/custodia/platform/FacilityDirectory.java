package org.custodia.platform;

/**
 * Lets modules that the estate depends on (accounts) check facility codes without depending on the estate.
 * Implemented by the estate module.
 */
public interface FacilityDirectory {
    boolean exists(String facilityCode);
}
