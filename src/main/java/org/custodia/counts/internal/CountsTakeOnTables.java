package org.custodia.counts.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class CountsTakeOnTables extends TakeOnTables {
    CountsTakeOnTables() {
        super("count_submission");
    }
}
