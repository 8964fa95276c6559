package org.custodia.regime;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An officer records a pavilion's lunch from the menu's defaults, with one exception typed, in one submission. */
class MealBrowserTest extends ServiceTest {

    @Test
    void aPavilionsLunchIsRecordedInOneGo() {
        String officer = fx.account("oficial-nacional", "OFFICER");
        String records = fx.account("registro-nacional", "RECORDS");
        TestFacility f = fx.newFacility(3, 4);
        fx.admitAs(records, f.code(), f.cells().get(0));
        fx.admitAs(records, f.code(), f.cells().get(0));
        fx.admitAs(records, f.code(), f.cells().get(1));
        long issued = fx.ledgerEntries("MEAL_ISSUED");

        try (Browser b = new Browser(port)) {
            b.login(officer);
            b.open("/facilities/" + f.code() + "/meals?pavilion=" + f.pavilion() + "&meal=LUNCH");
            String second = f.pavilion() + "-2";
            WebElement rice = b.waitFor(By.cssSelector("tr[data-cell='" + second + "'] input[name$='_ARROZ']"));
            assertThat(rice.getAttribute("value")).as("one person: one portion").isEqualTo("1");
            rice.clear();
            rice.sendKeys("2");
            b.screenshot("meal-pavilion");
            b.driver.findElement(By.id("record-meal")).click();
            assertThat(b.waitFor(By.id("meal-recorded")).getText()).contains("2 celdas");
            WebElement first = b.waitFor(By.cssSelector("tr[data-cell='" + f.pavilion() + "-1'] .kcal"));
            assertThat(first.getText()).isEqualTo("900");
            assertThat(b.driver.findElement(By.cssSelector("tr[data-cell='" + second + "'] .kcal")).getText())
                    .as("Spanish digit grouping").isEqualTo("1.160");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-cell='" + second + "']"), "Almuerzo"));

            // a lunch alone is not a day's food: the pavilion map flags both cells the same day
            b.open("/pavilions/" + db.sql("select id from pavilion where facility_code = ? and code = ?")
                    .params(f.code(), f.pavilion()).query(Long.class).single());
            b.waitFor(By.id("provision-flags"));
            b.wait.until(ExpectedConditions.attributeContains(By.cssSelector("[data-cell='" + second + "']"),
                    "class", "provision-fail"));
            assertThat(b.driver.findElement(By.cssSelector("[data-cell='" + f.pavilion() + "-3']"))
                    .getAttribute("class")).as("the empty cell is not flagged").doesNotContain("provision-fail");
            b.screenshot("pavilion-provision-flags");
        }
        assertThat(fx.ledgerEntries("MEAL_ISSUED")).as("one entry for the pavilion's lunch").isEqualTo(issued + 1);
        String entry = db.sql("select canonical from ledger_entry where event_type = 'MEAL_ISSUED' and chain = ? "
                + "order by seq desc limit 1").param(f.code()).query(String.class).single();
        assertThat(entry).as("the two occupied cells, not the empty one").contains("\"cell\":\"" + f.pavilion() + "-1\"",
                "\"cell\":\"" + f.pavilion() + "-2\"").doesNotContain(f.pavilion() + "-3");
    }
}
