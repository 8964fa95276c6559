package org.custodia.platform;

/**
 * The stable code of every refusal the API gives, carried as {@code code} and as the problem {@code type}
 * ({@code urn:custodia:problem:<code>}). Clients branch on these: a code is never renamed or reused (listed in the
 * README). Out of scope is deliberately {@link #NOT_FOUND}: a distinct code would tell an official of one facility
 * that someone exists in another.
 */
public enum ErrorCode {
    INVALID_REQUEST("invalid-request", 400),
    UNREADABLE("unreadable", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    INVALID_TOKEN("invalid-token", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    NOT_IN_CUSTODY("not-in-custody", 409),
    ALREADY_DONE("already-done", 409),
    ALREADY_EXISTS("already-exists", 409),
    CAPACITY_EXCEEDED("capacity-exceeded", 409),
    HOUSING_RULE("housing-rule", 409),
    SECOND_OFFICIAL_REQUIRED("second-official-required", 409),
    IN_PROGRESS("in-progress", 409),
    /** A count is open in the facility: moves, admissions and movements out of cell wait until it is signed off. */
    COUNT_IN_PROGRESS("count-in-progress", 409),
    /** The person is out of their cell on a movement they have not come back from. */
    OUT_OF_CELL("out-of-cell", 409),
    /** A count is signed off only when every cell is counted and clear, or its discrepancy explained. */
    COUNT_NOT_SETTLED("count-not-settled", 409),
    /** Work beyond the hours of a day or a week, or without a weekly rest day (MANDELA-102). */
    WORK_HOURS("work-hours", 409),
    /** A sanction the standards forbid (MANDELA-43: food or water reduced, family contact banned, corporal or
     * collective punishment, a dark or constantly lit cell; MANDELA-97: work as a sanction): the rule is named. */
    PROHIBITED_SANCTION("prohibited-sanction", 409),
    /** Solitary confinement beyond 15 consecutive days (MANDELA-44), counting placements that run into each other. */
    SOLITARY_LIMIT("solitary-limit", 409),
    /** Health staff found that solitary confinement would harm the person (MANDELA-45). */
    UNFIT_FOR_SOLITARY("unfit-for-solitary", 409),
    /** A disciplinary charge is laid within the hours after the incident that the rules allow. */
    CHARGE_OUT_OF_TIME("charge-out-of-time", 409),
    /** The person's records are held as evidence of a death in custody: they are not changed. */
    EVIDENCE_HOLD("evidence-hold", 409),
    TOO_LARGE("too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    LOGIN_THROTTLED("login-throttled", 429),
    INTERNAL_ERROR("internal-error", 500),
    /** The service is loading its first data (the demo) and answers nothing else until then. */
    LOADING("loading", 503);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The generic code for a status that Spring MVC itself refuses (wrong method, media type, parameter). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> LOGIN_THROTTLED;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
        };
    }
}
