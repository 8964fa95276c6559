package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An officer proposes a rebalancing from the pavilion map and reviews the figures and moves; command approves it
 * (four eyes: the proposer cannot).
 */
class RebalanceBrowserTest extends ServiceTest {

    @Test
    void aRebalancingIsProposedReviewedAndAppliedFromThePavilionMap() {
        String pav = fx.newPavilion("CECOT");
        long crowded = fx.newCell("CECOT", 6, pav);
        long empty = fx.newCell("CECOT", 6, pav);
        for (int i = 0; i < 6; i++) {
            fx.admit("CECOT", crowded, "UNTRIED");
        }
        long pavilion = db.sql("select id from pavilion where code = ?").param(pav).query(Long.class).single();

        try (Browser b = new Browser(port)) {
            b.login("oficial");
            b.open("/housing/pavilions/" + pavilion);
            // a budget out of range (the browser's own check bypassed) is refused on the page, and nothing is stored
            long plans = db.sql("select count(*) from housing_plan").query(Long.class).single();
            b.waitFor(By.cssSelector("#rebalance [name=seconds]"));
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                    "const s = document.querySelector('#rebalance [name=seconds]'); s.removeAttribute('min');"
                            + " s.value = '0';");
            b.waitFor(By.id("rebalance")).findElement(By.tagName("button")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.error"),
                    "1 to 60 seconds"));
            assertThat(db.sql("select count(*) from housing_plan").query(Long.class).single()).isEqualTo(plans);

            WebElement form = b.waitFor(By.id("rebalance"));
            WebElement seconds = form.findElement(By.name("seconds"));
            seconds.clear();
            seconds.sendKeys("2");
            form.findElement(By.tagName("button")).click();

            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-title"),
                    "Plan de reequilibrio"));
            assertThat(b.driver.findElement(By.cssSelector("tr[data-figure='maxPopulation']")).getText())
                    .contains("Celda más poblada").contains("6 →");
            assertThat(b.driver.findElement(By.id("plan-status")).getText()).contains("pendiente de aprobación");
            assertThat(b.driver.findElements(By.cssSelector("#moves tr td a[href$='/housing/cells/" + empty + "']")))
                    .isNotEmpty();
            assertThat(b.driver.findElement(By.cssSelector("#moves li[data-reason='REBALANCED']")).getText())
                    .as("the reasons in Spanish").contains("personas").contains("m² cada una");
            assertThat(fx.population(crowded)).as("nothing moves before approval").isEqualTo(6);
            b.screenshot("rebalance-plan");
            // four eyes: the officer who proposed it cannot approve it
            assertThat(b.driver.findElements(By.id("apply-plan"))).isEmpty();
            assertThat(b.driver.findElement(By.id("awaiting-second")).getText()).contains("otro oficial");
            String planPage = b.driver.getCurrentUrl();

            b.driver.manage().deleteAllCookies();
            b.login("direccion");
            b.driver.get(planPage);
            b.waitFor(By.id("apply-plan")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-status"),
                    "aprobado y aplicado"));
        }
        assertThat(fx.population(crowded)).isLessThanOrEqualTo(4);
        assertThat(fx.population(crowded) + fx.population(empty)).isEqualTo(6);
    }
}
