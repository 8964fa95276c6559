package org.custodia.work.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class WorkTakeOnTables extends TakeOnTables {
    WorkTakeOnTables() {
        super("work_attendance");
    }
}
