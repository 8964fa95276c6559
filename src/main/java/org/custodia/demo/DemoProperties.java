package org.custodia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code megaPopulation}: people in the mega-prison (default 40,000); {@code otherFacilityScale}: multiplies the
 * size of the smaller facilities; {@code password}: the demo accounts' password (env CUSTODIA_DEMO_PASSWORD);
 * {@code background}: load while the web server already answers with the progress (default), or before it opens.
 */
@ConfigurationProperties("custodia.demo")
record DemoProperties(boolean enabled, Integer megaPopulation, Double otherFacilityScale, String password, Long seed,
                      Boolean background) {
    DemoProperties {
        megaPopulation = megaPopulation == null ? 40_000 : megaPopulation;
        otherFacilityScale = otherFacilityScale == null ? 1.0 : otherFacilityScale;
        seed = seed == null ? 20260401L : seed;
        background = background == null || background;
    }
}
