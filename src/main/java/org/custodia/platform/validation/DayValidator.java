package org.custodia.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;

/** Checks {@link Day} against the application's clock (Spring creates validators with their dependencies). */
public final class DayValidator implements ConstraintValidator<Day, LocalDate> {
    private final Clock clock;
    private LocalDate earliest;
    private int daysAhead;

    public DayValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(Day day) {
        earliest = LocalDate.parse(day.earliest());
        daysAhead = day.daysAhead();
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || !value.isBefore(earliest) && !value.isAfter(LocalDate.now(clock).plusDays(daysAhead));
    }
}
