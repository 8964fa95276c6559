package org.custodia.legal;

import org.custodia.people.PeopleService;
import org.custodia.people.PersonRecord;
import org.custodia.platform.Official;

/** Legal records about a stay are added only while the person is held, and only by officials who see them. */
final class InCustody {
    private InCustody() {
    }

    static PersonRecord require(PeopleService people, long personId, Official official) {
        return people.held(personId, official);
    }
}
