package org.custodia.people;

import java.util.List;
import java.util.Set;
import org.custodia.platform.Official;
import org.custodia.platform.Role;

/**
 * Sections of the MANDELA-7 file kept beside identity and commitment, with the fields each accepts. PROPERTY,
 * FAMILY and CONTACT are lists; IDENTITY and OBSERVATION hold one current version. {@code mandela} names the item
 * of rule 7 the section completes.
 */
public enum RecordSection {
    IDENTITY('a', false, List.of("selfPerceivedGender", "language"), Set.of("photoRef", "fingerprintRef")),
    OBSERVATION('d', false, List.of("visibleInjuries", "examinedBy"), Set.of("illTreatmentComplaint")),
    PROPERTY('e', true, List.of("item"), Set.of("condition", "sealedBag")),
    FAMILY('f', true, List.of("name", "relationship"), Set.of("age", "child", "whereabouts", "caregiver")),
    CONTACT('g', true, List.of("kind", "name", "relationship"), Set.of("phone", "address"));

    public final char mandela;
    public final boolean list;
    public final List<String> required;
    public final Set<String> optional;

    RecordSection(char mandela, boolean list, List<String> required, Set<String> optional) {
        this.mandela = mandela;
        this.list = list;
        this.required = required;
        this.optional = optional;
    }

    /** Whether "nothing to record" may be declared instead (no property, no family, declined to name a contact). */
    public boolean mayDeclareNone() {
        return list;
    }

    /**
     * MANDELA-7 by duty: the admission observation (injuries, complaints of ill-treatment) is clinical and is
     * written by health staff, or by records staff where no clinician is present (the entry says so); the other
     * sections by records staff and command.
     */
    public boolean writableBy(Official o) {
        return this == OBSERVATION ? o.has(Role.HEALTH) || o.has(Role.RECORDS)
                : o.has(Role.RECORDS) || o.has(Role.COMMAND);
    }

    /** The observation is read by health staff, command and the inspector only; custody staff do not read it. */
    public boolean readableBy(Official o) {
        return this != OBSERVATION || o.has(Role.HEALTH) || o.has(Role.COMMAND) || o.has(Role.INSPECTOR);
    }

    /** Whether the ledger carries only a hash of the content (confidential sections), not the content itself. */
    public boolean confidential() {
        return this == OBSERVATION;
    }
}
