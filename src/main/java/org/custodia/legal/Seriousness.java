package org.custodia.legal;

/** The seriousness class that sets the pretrial limit (SV-CPP-8: 12 months less serious, 24 months serious). */
public enum Seriousness {
    LESS_SERIOUS, SERIOUS
}
