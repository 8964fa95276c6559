package org.custodia.housing.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class HousingTakeOnTables extends TakeOnTables {
    HousingTakeOnTables() {
        super("affiliation_claim");
    }
}
