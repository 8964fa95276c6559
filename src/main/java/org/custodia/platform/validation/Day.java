package org.custodia.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A calendar date within stated bounds: not before {@code earliest} and at most {@code daysAhead} days after today
 * (0: not in the future; the application's clock decides what today is). Null is allowed.
 */
@Documented
@Constraint(validatedBy = DayValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Day {
    /** ISO date. */
    String earliest() default "1900-01-01";

    int daysAhead() default 0;

    String message() default "a date from {earliest} to {daysAhead} days after today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
