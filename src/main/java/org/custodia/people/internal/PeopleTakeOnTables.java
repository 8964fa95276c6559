package org.custodia.people.internal;

import org.custodia.platform.TakeOnTables;
import org.springframework.stereotype.Component;

/** This module's tables that a take-on fills in bulk (see {@link TakeOnTables}). */
@Component
class PeopleTakeOnTables extends TakeOnTables {
    PeopleTakeOnTables() {
        super("person", "booking", "person_search", "person_alias", "record_entry");
    }
}
