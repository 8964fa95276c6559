package org.custodia.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the tests: the system's, unless a test pins it (time rules computed by the test and by the
 * service then see the same instant, even across midnight) or moves it on. {@link #release()} after each test.
 */
public final class MutableClock extends Clock {
    private volatile Instant pinned;

    /** Stops the clock at this instant. */
    public void pin(Instant at) {
        pinned = at;
    }

    /** Moves a pinned clock on (or pins it at now plus the amount). */
    public void advance(java.time.Duration by) {
        pinned = instant().plus(by);
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant p = pinned;
        return p != null ? p : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service runs in UTC");
    }
}
