package org.custodia.people;

import java.time.Instant;
import java.util.Map;

/** One version of one item of a person's file; {@code current} is false once a correction superseded it. */
public record RecordEntry(long id, RecordSection section, String itemKey, Map<String, Object> content,
                          boolean noneDeclared, Long supersedes, boolean current, String recordedBy,
                          Instant recordedAt) {
    /** The entry for someone whose duties do not include its section: that it exists, not what it says. */
    public RecordEntry withheld() {
        return new RecordEntry(id, section, itemKey, Map.of("withheld", true), noneDeclared, supersedes, current,
                recordedBy, recordedAt);
    }
}
