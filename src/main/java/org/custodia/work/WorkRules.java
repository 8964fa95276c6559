package org.custodia.work;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * MANDELA-102: the hours of work a day and a week, fixed by law or regulation (configurable; 8 and 48 by default),
 * and a weekly rest day.
 */
@Component
public class WorkRules {
    private final double hoursPerDay;
    private final double hoursPerWeek;

    WorkRules(@Value("${custodia.work.hours-per-day:8}") double hoursPerDay,
              @Value("${custodia.work.hours-per-week:48}") double hoursPerWeek) {
        this.hoursPerDay = hoursPerDay;
        this.hoursPerWeek = hoursPerWeek;
    }

    public double hoursPerDay() {
        return hoursPerDay;
    }

    public double hoursPerWeek() {
        return hoursPerWeek;
    }
}
