package org.custodia.platform;

/** The thing asked for does not exist, or the caller may not know that it does (both answer 404). */
public final class NotFoundException extends CustodiaException {
    public NotFoundException(String message) {
        super(message);
    }
}
