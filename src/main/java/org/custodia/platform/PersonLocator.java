package org.custodia.platform;

import java.util.Optional;

/**
 * Where a person is (or was last) held: lets modules below {@code people} file what they record about a person
 * under the right facility without depending on it. Implemented by the people module.
 */
public interface PersonLocator {
    /** The facility of the person's latest stay, if the person is known. */
    Optional<String> facilityOf(long personId);

    /** The same for many people in one look-up: person id to facility (unknown people are left out). */
    java.util.Map<Long, String> facilitiesOf(java.util.Collection<Long> personIds);
}
