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

/** An instant from {@code daysBack} days before now to {@code daysAhead} days after now. Null is allowed. */
@Documented
@Constraint(validatedBy = MomentValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Moment {
    int daysBack() default 0;

    int daysAhead() default 0;

    String message() default "a time from {daysBack} days ago to {daysAhead} days ahead";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
