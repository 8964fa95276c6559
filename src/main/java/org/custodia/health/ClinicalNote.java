package org.custodia.health;

import java.time.Instant;

/** One note of a clinical record as health staff read it: its content as written (JSON) and that content's SHA-256. */
public record ClinicalNote(long id, String kind, String content, String sha256, String recordedBy,
                           Instant recordedAt) {
}
