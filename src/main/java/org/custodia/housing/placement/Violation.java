package org.custodia.housing.placement;

import org.custodia.housing.Level;

/**
 * A hard housing rule a placement would break. {@code subject} names what clashes (the rival groups, the
 * categories, the non-association's reason, the places taken); {@code otherPersonId} the person it clashes with,
 * where there is one.
 */
public record Violation(Rule rule, Level level, String subject, Long otherPersonId) {
    public enum Rule {
        /** no cell over certified capacity, or over an emergency cap COMMAND authorised */
        CAPACITY,
        RIVAL_GROUP,
        NON_ASSOCIATION,
        /** MANDELA-11(a) */
        SEX,
        /** MANDELA-11(b) */
        UNTRIED_CONVICTED,
        /** MANDELA-11(d) */
        YOUNG_ADULT,
        CONTAGIOUS_ISOLATION
    }

    /** The values of its message ({@code housing.rule.RULE}): subject, the level in words, the other person. */
    public Object[] params(String levelInWords) {
        return new Object[] {subject, levelInWords, otherPersonId};
    }

    public String message() {
        String where = level.name().toLowerCase();
        return switch (rule) {
            case CAPACITY -> "cell full: " + subject + " places taken";
            case RIVAL_GROUP -> "rival groups " + subject + " in the same " + where;
            case NON_ASSOCIATION -> "non-association with person " + otherPersonId + " (" + subject + ") in the same "
                    + where;
            case SEX -> "men and women in the same " + where + ": " + subject;
            case UNTRIED_CONVICTED -> "untried and convicted in the same " + where + ": " + subject;
            case YOUNG_ADULT -> "young adults and adults in the same " + where + ": " + subject;
            case CONTAGIOUS_ISOLATION -> "contagious isolation: " + subject;
        };
    }
}
