package org.custodia.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's local time: days of the regime (counts, meals, exercise) begin at local midnight, and people read
 * times in it ({@code custodia.time-zone}, El Salvador by default).
 */
@Component
public class LocalDays {
    private final ZoneId zone;
    private final Clock clock;

    public LocalDays(@Value("${custodia.time-zone:America/El_Salvador}") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
