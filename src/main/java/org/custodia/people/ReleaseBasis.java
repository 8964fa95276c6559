package org.custodia.people;

public enum ReleaseBasis {
    COURT_ORDER, SENTENCE_SERVED, ACQUITTAL, TRANSFER_TO_SENDING_STATE, DEATH
}
