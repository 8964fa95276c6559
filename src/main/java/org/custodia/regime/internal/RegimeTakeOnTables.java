package org.custodia.regime.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class RegimeTakeOnTables extends TakeOnTables {
    RegimeTakeOnTables() {
        super("movement", "movement_person", "provision");
    }
}
