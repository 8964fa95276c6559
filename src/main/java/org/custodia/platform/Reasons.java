package org.custodia.platform;

/** The reason an official gives for a decision (a lockout lifted, a key rotated, an account changed). */
public final class Reasons {
    public static final int MAX = 500;

    private Reasons() {
    }

    /** The reason, stripped; refused (400) when missing, too long, or carrying control characters. */
    public static String require(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX
                || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidRequestException("reason", "required: why, at most " + MAX + " characters");
        }
        return reason.strip();
    }
}
