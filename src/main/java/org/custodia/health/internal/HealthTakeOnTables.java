package org.custodia.health.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class HealthTakeOnTables extends TakeOnTables {
    HealthTakeOnTables() {
        super("clinical_note", "sick_call");
    }
}
