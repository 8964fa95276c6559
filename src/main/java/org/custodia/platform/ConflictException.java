package org.custodia.platform;

import java.util.Map;

/**
 * The request is well formed but the current state of the records does not allow it (409). {@code details} says
 * more where a client can act on it (the rules a move would break).
 */
public final class ConflictException extends CustodiaException {
    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
