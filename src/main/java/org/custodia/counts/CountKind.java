package org.custodia.counts;

/** A count at one of the facility's set times, or at any time because something happened (with the reason). */
public enum CountKind {
    SCHEDULED, EMERGENCY
}
