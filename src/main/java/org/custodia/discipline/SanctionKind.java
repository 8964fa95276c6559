package org.custodia.discipline;

/**
 * Sanctions an adjudication may name. Those with a rule are forbidden and are refused naming it: they exist here so
 * that a request for one is answered with the rule, not read as a typing error.
 */
public enum SanctionKind {
    CAUTION(null), LOSS_OF_PRIVILEGES(null), LOSS_OF_EARNINGS(null), CELL_CONFINEMENT(null), SOLITARY_CONFINEMENT(null),
    REDUCED_FOOD("MANDELA-43"), REDUCED_WATER("MANDELA-43"), NO_FAMILY_CONTACT("MANDELA-43"),
    CORPORAL_PUNISHMENT("MANDELA-43"), COLLECTIVE_PUNISHMENT("MANDELA-43"), DARK_CELL("MANDELA-43"),
    CONSTANTLY_LIT_CELL("MANDELA-43"), INSTRUMENTS_OF_RESTRAINT("MANDELA-43"), INDEFINITE_SOLITARY("MANDELA-43"),
    EXTRA_WORK("MANDELA-97");

    /** The rule that forbids it, or null. */
    public final String prohibitedBy;

    SanctionKind(String prohibitedBy) {
        this.prohibitedBy = prohibitedBy;
    }
}
