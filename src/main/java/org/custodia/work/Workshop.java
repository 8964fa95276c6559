package org.custodia.work;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** A workshop: where, how many, when (local times, ISO weekdays 1-7), how risky, and its pay (or none). */
public record Workshop(long id, String facilityCode, long locationId, String locationCode, String name, int capacity,
                       LocalTime starts, LocalTime ends, List<Integer> weekdays, Risk risk, boolean paid,
                       BigDecimal ratePerHour, String createdBy, Instant createdAt, int allocated, int waiting) {
    public enum Risk { LOW, MEDIUM, HIGH }

    public double hoursPerSession() {
        return Duration.between(starts, ends).toMinutes() / 60.0;
    }
}
