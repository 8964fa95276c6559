package org.custodia.demo;

import java.math.BigDecimal;
import java.util.List;
import org.custodia.regime.Meal;
import org.custodia.regime.MenuService.ItemChange;

/**
 * The demo's menu: what the facility is reported to serve in the cells (rice, beans, eggs, pasta, tortillas), with
 * energy and protein per portion from common food tables. By default a person gets about 2,200 kcal a day, 16 % of
 * it from protein.
 */
final class DemoMenu {
    private DemoMenu() {
    }

    static List<ItemChange> items() {
        return List.of(
                item("ARROZ", "Arroz cocido", "260", "5.0", "1 taza (200 g)", "1", Meal.LUNCH, Meal.DINNER),
                item("FRIJOLES", "Frijoles rojos cocidos", "225", "15.0", "1 taza (170 g)", "1", Meal.BREAKFAST,
                        Meal.LUNCH, Meal.DINNER),
                item("HUEVO", "Huevo cocido", "78", "6.3", "1 unidad", "1", Meal.BREAKFAST),
                item("PASTA", "Pasta cocida", "220", "8.0", "1 taza (140 g)", "1", Meal.LUNCH),
                item("TORTILLA", "Tortilla de maíz", "65", "1.7", "1 unidad (30 g)", "3", Meal.BREAKFAST, Meal.LUNCH,
                        Meal.DINNER),
                item("PLATANO", "Plátano cocido", "120", "1.3", "1 unidad", "1", Meal.BREAKFAST));
    }

    private static ItemChange item(String code, String name, String kcal, String protein, String portion,
                                   String perPerson, Meal... meals) {
        return new ItemChange(code, name, new BigDecimal(kcal), new BigDecimal(protein), portion,
                new BigDecimal(perPerson), List.of(meals), true);
    }
}
