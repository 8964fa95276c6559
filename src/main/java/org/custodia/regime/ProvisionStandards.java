package org.custodia.regime;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures food and water are checked against, configurable because services differ: FOOD-KCAL (2,100 kcal per
 * person per day, to confirm; many services use 2,400-2,500), protein at least 10 % of energy, ICRC-WATER-CELL
 * (3 L of drinking water per person per day in the cell when locked in over 16 hours, 2 L otherwise), and the number
 * of meals a day. A meal below a fifth of the day's energy, or a last meal that leaves the day below FOOD-KCAL,
 * needs a reason. A run of refused meals that goes to health care (9: three days).
 */
@Component
public class ProvisionStandards {
    private final BigDecimal kcalPerDay;
    private final BigDecimal proteinShare;
    private final BigDecimal waterLitresPerDay;
    private final int mealsPerDay;
    private final int refusalRun;
    private final BigDecimal mealShare;

    ProvisionStandards(@Value("${custodia.regime.kcal-per-day:2100}") BigDecimal kcalPerDay,
                       @Value("${custodia.regime.protein-share:0.10}") BigDecimal proteinShare,
                       @Value("${custodia.regime.water-litres-per-day:3}") BigDecimal waterLitresPerDay,
                       @Value("${custodia.regime.meals-per-day:3}") int mealsPerDay,
                       @Value("${custodia.regime.refusal-run:9}") int refusalRun,
                       @Value("${custodia.regime.least-meal-share:0.2}") BigDecimal mealShare) {
        this.mealShare = mealShare;
        this.kcalPerDay = kcalPerDay;
        this.proteinShare = proteinShare;
        this.waterLitresPerDay = waterLitresPerDay;
        this.mealsPerDay = mealsPerDay;
        this.refusalRun = refusalRun;
    }

    public double kcalPerDay() {
        return kcalPerDay.doubleValue();
    }

    /** The least energy any one meal gives a person (a fifth of the day's): below it, a meal needs a reason. */
    public double leastKcalPerMeal() {
        return kcalPerDay.doubleValue() * mealShare.doubleValue();
    }

    public double proteinShare() {
        return proteinShare.doubleValue();
    }

    public double waterLitresPerDay() {
        return waterLitresPerDay.doubleValue();
    }

    public int refusalRun() {
        return refusalRun;
    }

    /** Energy from protein (4 kcal a gram) as a share of all energy; 0 when there is no energy. */
    public static double proteinShareOf(double kcal, double proteinG) {
        return kcal <= 0 ? 0 : proteinG * 4 / kcal;
    }
}
