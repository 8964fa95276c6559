package org.custodia.platform;

/** The request is well formed but the current state of the records does not allow it (409). */
public final class ConflictException extends CustodiaException {
    public ConflictException(String message) {
        super(message);
    }
}
