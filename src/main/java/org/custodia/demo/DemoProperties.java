package org.custodia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code megaPopulation}: people in the mega-prison (default 40,000); {@code otherFacilityScale}: multiplies the
 * size of the smaller facilities; {@code password}: the demo accounts' password (env CUSTODIA_DEMO_PASSWORD).
 */
@ConfigurationProperties("custodia.demo")
record DemoProperties(boolean enabled, Integer megaPopulation, Double otherFacilityScale, String password, Long seed) {
    DemoProperties {
        megaPopulation = megaPopulation == null ? 40_000 : megaPopulation;
        otherFacilityScale = otherFacilityScale == null ? 1.0 : otherFacilityScale;
        seed = seed == null ? 20260401L : seed;
    }
}
