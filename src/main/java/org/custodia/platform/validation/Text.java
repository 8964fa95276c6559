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
 * Free text as people type it: at most {@code max} characters, no control characters (line breaks only where
 * {@code multiline}), no bidirectional overrides or isolates (they make a record read differently from what is
 * stored) and no broken surrogate pairs. Accents, ñ and any script are welcome. Null is allowed: add
 * {@code @NotBlank} where the text is required.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {
    int max() default 200;

    boolean multiline() default false;

    String message() default "text of at most {max} characters, without control or direction-changing characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
