package org.custodia.platform;

import java.util.Map;

/** Input that fails validation (400); {@code errors} maps each field to the reason. */
public final class InvalidRequestException extends CustodiaException {
    private final Map<String, String> errors;

    public InvalidRequestException(String message, Map<String, String> errors) {
        super(message);
        this.errors = Map.copyOf(errors);
    }

    public InvalidRequestException(String field, String reason) {
        this(reason, Map.of(field, reason));
    }

    @Override
    public String forPeople() {
        if (errors.size() == 1 && errors.containsValue(getMessage())) {
            return getMessage();
        }
        return getMessage() + ": " + errors.entrySet().stream().map(e -> e.getKey() + " — " + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
