package org.custodia.housing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * One reason a plan gives for placing someone where it does, or for leaving them where they are: a code with its
 * values. The API carries the English text too; the plan page says it in the page's language
 * ({@code housing.why.CODE} in the Spanish messages).
 */
@JsonIgnoreProperties(value = "text", allowGetters = true)
public record Reason(Code code, List<Object> args, Violation violation) {
    public enum Code {
        CELL("cell {0}, pavilion {1}: {2} of {3} places after the move, {4} m² per person"),
        CELL_CAPPED("cell {0}, pavilion {1}: {2} of {3} places after the move (emergency cap authorised by COMMAND; "
                + "certified {5}), {4} m² per person"),
        CATEGORY("category {0} kept with its own"),
        NO_AFFILIATION("no affiliation on file"),
        GROUPS("groups {0}: no rival group in the cell or pavilion"),
        APART("{0} non-association(s) respected"),
        CO_DEFENDANT("a co-defendant is in the same cell: no lawful cell without one had room"),
        TRANSFER_NEEDED("non-association at facility level with someone held in {0}: a transfer is needed"),
        NO_PLACE("no free place: {0} cell(s)"),
        CATEGORY_APART("category separation (MANDELA-11): {0} cell(s)"),
        RIVALS("rival group in the cell or pavilion: {0} cell(s)"),
        SEXES_APART("men and women kept apart in the pavilion: {0} cell(s)"),
        KEPT_APART("non-association: {0} cell(s)"),
        NO_CELLS("the facility has no cells"),
        /** The violation is the last value. */
        REFUSED_ON_RECHECK("refused on re-check: {0}"),
        MOVED_ASIDE("placed in {0} instead of {1} to make room for {2}, for whom no other lawful cell had room"),
        PLACED_AFTER("placed after {0} was planned into {1} instead, to make room"),
        SEPARATES_CO_DEFENDANTS("separates co-defendants: {0} held someone charged in the same case"),
        REBALANCED("from {0} ({1} → {2} people, {3} → {4} m² each) to {5}, pavilion {6} "
                + "({7} → {8} of {9} places, {10} → {11} m² each)"),
        RECHECKED("every housing rule re-checked for this move: capacity, rival groups, non-associations, "
                + "category {0}"),
        /** The violation is the last value. */
        KEPT_IN("kept in {0}: the move to {1} would break {2}"),
        /** A line of plain text (plans stored before reasons had codes). */
        NOTE("{0}");

        private final String english;

        Code(String english) {
            this.english = english;
        }
    }

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(Code code, Object... args) {
        return new Reason(code, List.of(args), null);
    }

    /** A reason that quotes a broken rule: the page says the rule in its own language too. */
    public static Reason breaking(Code code, Violation violation, Object... args) {
        return new Reason(code, List.of(args), violation);
    }

    @JsonProperty("text")
    public String text() {
        return new MessageFormat(code.english, Locale.ENGLISH).format(valuesWith(violation == null ? null
                : violation.message()));
    }

    /** The values as the page shows them, with the broken rule (already in words) last when there is one. */
    public Object[] valuesWith(Object rule) {
        Object[] out = args.toArray(new Object[args.size() + (violation == null ? 0 : 1)]);
        if (violation != null) {
            out[args.size()] = rule;
        }
        return out;
    }
}
