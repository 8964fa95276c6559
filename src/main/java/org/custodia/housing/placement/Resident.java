package org.custodia.housing.placement;

import java.util.Set;
import org.custodia.people.Sex;

/**
 * What separation needs to know about one person in custody: sex, whether convicted (MANDELA-11(b): sentenced or
 * held for another state, against untried and administrative detention), whether a young adult, the groups of their
 * open or disputed affiliation claims, their isolation cohort (null when not isolated) and their case numbers
 * (co-defendants share one).
 */
public record Resident(long personId, String name, Sex sex, boolean convicted, boolean youngAdult, Set<String> groups,
                       String isolation, Set<String> cases) {
    public Resident {
        groups = Set.copyOf(groups);
        cases = Set.copyOf(cases);
    }

    public String category() {
        return sex + "/" + (convicted ? "CONVICTED" : "UNTRIED") + "/" + (youngAdult ? "YOUNG_ADULT" : "ADULT")
                + (isolation == null ? "" : "/ISOLATION:" + isolation);
    }
}
