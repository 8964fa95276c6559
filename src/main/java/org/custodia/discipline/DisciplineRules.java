package org.custodia.discipline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A charge is laid within {@code chargeHours} of the incident (established practice: 48). Solitary confinement:
 * at most {@code solitaryMaxDays} consecutive days (MANDELA-44: 15), an alert from {@code solitaryAlertDay} (13);
 * a placement that begins less than {@code solitaryBreakHours} after another ended continues its count (no resetting
 * the clock with a short break); a first review within {@code firstReviewHours}, then every {@code reviewDays}.
 */
@ConfigurationProperties("custodia.discipline")
public record DisciplineRules(Integer chargeHours, Integer solitaryMaxDays, Integer solitaryAlertDay,
                              Integer solitaryBreakHours, Integer firstReviewHours, Integer reviewDays) {
    public DisciplineRules {
        chargeHours = chargeHours == null ? 48 : chargeHours;
        solitaryMaxDays = solitaryMaxDays == null ? 15 : Math.min(solitaryMaxDays, 15);
        solitaryAlertDay = solitaryAlertDay == null ? 13 : solitaryAlertDay;
        solitaryBreakHours = solitaryBreakHours == null ? 24 : solitaryBreakHours;
        firstReviewHours = firstReviewHours == null ? 72 : firstReviewHours;
        reviewDays = reviewDays == null ? 7 : reviewDays;
    }
}
