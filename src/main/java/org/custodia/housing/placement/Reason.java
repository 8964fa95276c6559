package org.custodia.housing.placement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One reason a plan gives for placing someone where it does, or for leaving them where they are: a code with its
 * values. The API carries the English text too; the plan page says it in the page's language.
 */
@JsonIgnoreProperties(value = "text", allowGetters = true)
public record Reason(Code code, List<Object> args, Violation violation) {
    /**
     * The English text of each code is {@code housing.why.CODE} in messages_en, the Spanish in messages (one source
     * per language). REFUSED_ON_RECHECK and KEPT_IN carry the broken rule as their last value; NOTE is a line of
     * plain text (plans stored before reasons had codes).
     */
    public enum Code {
        CELL, CELL_CAPPED, CATEGORY, NO_AFFILIATION, GROUPS, APART, CO_DEFENDANT, TRANSFER_NEEDED, NO_PLACE,
        CATEGORY_APART, RIVALS, SEXES_APART, KEPT_APART, NO_CELLS, REFUSED_ON_RECHECK, MOVED_ASIDE, PLACED_AFTER,
        SEPARATES_CO_DEFENDANTS, REBALANCED, RECHECKED, KEPT_IN, NOTE
    }

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

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
        return new MessageFormat(ENGLISH.getString("housing.why." + code.name()), Locale.ENGLISH).format(valuesWith(violation == null ? null
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
