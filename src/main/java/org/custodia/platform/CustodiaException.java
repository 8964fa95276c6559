package org.custodia.platform;

/** A refusal by the domain; never a bug. Each subtype maps to one HTTP status. */
public abstract sealed class CustodiaException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidRequestException {
    protected CustodiaException(String message) {
        super(message);
    }

    /** What a person reading the page is told: the message, and for invalid input what is wrong with each field. */
    public String forPeople() {
        return getMessage();
    }
}
