package org.custodia.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clocks of health care (established practice, see practice.md): a screening within {@code screeningHours} of
 * admission (MANDELA-30); a sick-call request triaged within {@code triageHours} of receipt; a person with a
 * clinical symptom seen within {@code seenHours}, an urgent one within {@code urgentHours}, a routine one within
 * {@code routineDays}.
 */
@ConfigurationProperties("custodia.health")
public record HealthRules(Integer screeningHours, Integer triageHours, Integer seenHours, Integer urgentHours,
                          Integer routineDays) {
    public HealthRules {
        screeningHours = screeningHours == null ? 24 : screeningHours;
        triageHours = triageHours == null ? 24 : triageHours;
        seenHours = seenHours == null ? 48 : seenHours;
        urgentHours = urgentHours == null ? 4 : urgentHours;
        routineDays = routineDays == null ? 14 : routineDays;
    }

    /** Hours from receipt within which a request of this priority is seen; null when it need not be. */
    Integer seenWithinHours(Priority p) {
        return switch (p) {
            case URGENT -> urgentHours;
            case SYMPTOM -> seenHours;
            case ROUTINE -> routineDays * 24;
            case NON_CLINICAL -> null;
        };
    }
}
