package org.custodia.platform;

import java.util.Map;

/**
 * The request is well formed but the current state of the records does not allow it (409). {@code details} says
 * more where a client can act on it (the rules a move would break).
 */
public final class ConflictException extends CustodiaException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(ErrorCode.CONFLICT, message, Map.of());
    }

    public ConflictException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ConflictException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        if (code.status() != 409) {
            throw new IllegalArgumentException(code + " is not a conflict");
        }
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
