package org.custodia.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.custodia.support.Browser;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An officer reports a fight over water from the incident form; it is on the incident's page, awaiting review. */
class IncidentBrowserTest extends ServiceTest {
    @Test
    void anOfficerReportsAFightFromTheForm() {
        String officer = fx.account("oficial-nacional", "OFFICER");
        String records = fx.account("registro-nacional", "RECORDS");
        TestFacility f = fx.newFacility(1, 4);
        long person = fx.admitAs(records, f.code(), f.cells().getFirst());
        String cell = db.sql("select code from location where id = ?").param(f.cells().getFirst())
                .query(String.class).single();
        long before = fx.ledgerEntries("INCIDENT_REPORTED");

        try (Browser b = new Browser(port)) {
            b.login(officer);
            b.open("/facilities/" + f.code() + "/incidents");
            b.waitFor(By.cssSelector("#report-incident summary")).click();
            new Select(b.driver.findElement(By.id("incident-type"))).selectByValue("FIGHT");
            String at = LocalDateTime.now(ZoneId.of("America/El_Salvador")).minusHours(1).truncatedTo(ChronoUnit.MINUTES)
                    .toString();
            ((JavascriptExecutor) b.driver).executeScript("document.getElementById('incident-at').value = arguments[0]",
                    at);
            b.driver.findElement(By.id("incident-place")).sendKeys(cell);
            b.driver.findElement(By.id("incident-description")).sendKeys("Riña en la fila del agua");
            b.driver.findElements(By.name("personId")).getFirst().sendKeys(Long.toString(person));
            b.driver.findElement(By.id("report")).click();
            b.wait.until(ExpectedConditions.urlMatches(".*/incidents/\\d+$"));
            assertThat(b.waitFor(By.id("incident-status")).getText()).isEqualTo("Pendiente de revisión");
            assertThat(b.driver.findElement(By.id("incident-description")).getText()).contains("agua");
            b.screenshot("incident-reported");
        }
        assertThat(fx.ledgerEntries("INCIDENT_REPORTED")).isEqualTo(before + 1);
    }
}
