package org.custodia.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Checks {@link Moment} against the application's clock. */
public final class MomentValidator implements ConstraintValidator<Moment, Instant> {
    private final Clock clock;
    private Duration back;
    private Duration ahead;

    public MomentValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(Moment moment) {
        back = Duration.ofDays(moment.daysBack());
        ahead = Duration.ofDays(moment.daysAhead());
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        Instant now = clock.instant();
        return value == null || !value.isBefore(now.minus(back)) && !value.isAfter(now.plus(ahead));
    }
}
