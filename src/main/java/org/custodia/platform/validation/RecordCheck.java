package org.custodia.platform.validation;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Checks a record against its constraints, those of a value's form (checked too when a request body is read) and
 * the {@link Required} ones: the services call it, so the same rules hold for requests (after the role rule) and
 * for callers that are not requests (the demo load, batch intake).
 */
@Component
public class RecordCheck {
    private final Validator validator;

    public RecordCheck(Validator validator) {
        this.validator = validator;
    }

    /** Refuses the record (400, field by field) when it breaks a constraint; {@code what} says what was refused. */
    public void require(Object record, String what) {
        Map<String, String> errors = problems(record);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(what, errors);
        }
    }

    /** The constraints the record breaks, by field (for a service that adds its own rules to the same answer). */
    public Map<String, String> problems(Object record) {
        Map<String, String> errors = new TreeMap<>();
        validator.validate(record, Default.class, Required.class)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }
}
