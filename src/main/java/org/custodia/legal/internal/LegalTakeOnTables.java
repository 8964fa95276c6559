package org.custodia.legal.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class LegalTakeOnTables extends TakeOnTables {
    LegalTakeOnTables() {
        super("charge", "sentence");
    }
}
