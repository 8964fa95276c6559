package org.custodia.counts;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A whole count of a small facility on a phone-sized screen: an officer opens it and counts cell by cell, one cell
 * missing a person is recounted and explained, and command signs the count off.
 */
class CountBrowserTest extends ServiceTest {

    @Test
    void aFullCountWithOneDiscrepancyExplainedAndSignedOff() {
        String officer = fx.account("oficial-nacional", "OFFICER");
        String records = fx.account("registro-nacional", "RECORDS");
        TestFacility f = fx.newFacility(2, 4);
        fx.admitAs(records, f.code(), f.cells().get(0));
        long missing = fx.admitAs(records, f.code(), f.cells().get(0));
        fx.admitAs(records, f.code(), f.cells().get(1));
        long signedOff = fx.ledgerEntries("COUNT_SIGNED_OFF");
        long id;

        try (Browser b = new Browser(port)) {
            b.driver.manage().window().setSize(new Dimension(412, 915));
            b.login(officer);
            b.open("/counts?facility=" + f.code());
            new Select(b.waitFor(By.id("count-kind"))).selectByValue("EMERGENCY");
            b.driver.findElement(By.id("count-reason")).sendKeys("Riña en el pabellón");
            b.driver.findElement(By.id("open-count-button")).click();
            b.wait.until(ExpectedConditions.urlMatches(".*/counts/\\d+$"));
            id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/counts/", ""));

            // the first cell: the page asks for a number and gives none away
            b.waitFor(By.linkText(f.pavilion() + "-1")).click();
            b.waitFor(By.id("counted"));
            assertThat(b.driver.findElement(By.tagName("main")).getText()).doesNotContain("esperados");
            String first = b.driver.findElement(By.className("cell-code")).getText();
            assertThat(first).isEqualTo(f.pavilion() + "-1");
            b.driver.findElement(By.id("counted")).sendKeys("1");
            submit(b);
            assertThat(b.waitFor(By.id("result-status")).getText()).isEqualTo("Discrepancia");
            assertThat(b.driver.findElement(By.id("count-result")).getText()).contains("esperados 2");
            b.screenshot("count-cell-discrepancy");

            // recount, naming who is missing
            b.driver.findElement(By.id("counted")).sendKeys("1");
            b.driver.findElement(By.cssSelector("#missing-people input[value='" + missing + "']")).click();
            submit(b);
            assertThat(b.waitFor(By.id("result-status")).getText()).isEqualTo("Discrepancia");

            // the other places (reception, then the second cell) are as expected
            for (String counted : new String[] {"0", "1"}) {
                clickAndWaitForNewPage(b, By.id("next-cell"));
                b.waitFor(By.id("counted")).sendKeys(counted);
                submit(b);
                assertThat(b.waitFor(By.id("result-status")).getText()).isEqualTo("Conforme");
            }
            clickAndWaitForNewPage(b, By.id("back-to-count"));

            // the discrepancy explained on the reconciliation page
            String code = f.pavilion() + "-1";
            b.waitFor(By.id("explain-" + code)).sendKeys("En enfermería desde las 05:40, verificado por teléfono");
            b.driver.findElement(By.id("explain-button-" + code)).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attention-" + code), "Explicada"));
        }

        try (Browser b = new Browser(port)) {
            b.login("direccion");
            b.open("/counts/" + id);
            b.waitFor(By.id("sign-off")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("count-state"), "firmado"));
            b.screenshot("count-signed-off");
        }
        assertThat(fx.ledgerEntries("COUNT_SIGNED_OFF")).isEqualTo(signedOff + 1);
    }

    private static void submit(Browser b) {
        clickAndWaitForNewPage(b, By.id("submit-count"));
    }

    /** The cell page posts and reloads whole: wait until the old page is gone, or its elements are read instead. */
    private static void clickAndWaitForNewPage(Browser b, By target) {
        WebElement old = b.driver.findElement(By.tagName("main"));
        b.driver.findElement(target).click();
        b.wait.until(d -> gone(old));
    }

    /**
     * Selenium's stalenessOf, also when Chromium reports a node of the page being replaced as no longer belonging to
     * the document (a plain WebDriverException) instead of as stale: that failed one clean-clone run.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
