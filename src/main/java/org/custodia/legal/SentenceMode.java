package org.custodia.legal;

/** CONCURRENT runs from its own start date; CONSECUTIVE starts when the sentence it follows is complete. */
public enum SentenceMode {
    CONCURRENT, CONSECUTIVE
}
