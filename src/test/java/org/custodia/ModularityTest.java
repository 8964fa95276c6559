package org.custodia;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {
    @Test
    void modulesKeepTheirBoundaries() {
        ApplicationModules.of(CustodiaApplication.class).verify();
    }
}
