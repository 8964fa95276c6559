package org.custodia.work;

/** What happened to a person allocated to a session; only attendance is paid (by the hour). */
public enum Outcome {
    ATTENDED, REFUSED, SICK, NOT_REQUIRED, REST_DAY, CLASH, SUSPENDED, CANCELLED, OTHER;

    public boolean worked() {
        return this == ATTENDED;
    }
}
