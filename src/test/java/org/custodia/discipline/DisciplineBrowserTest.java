package org.custodia.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Browser;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The hearing page: command tries to cut a person's water as a sanction and is refused with the rule. */
class DisciplineBrowserTest extends ServiceTest {
    @Test
    void aProhibitedSanctionIsRefusedWithItsRule() {
        String officer = fx.account("oficial-nacional", "OFFICER");
        String records = fx.account("registro-nacional", "RECORDS");
        TestFacility f = fx.newFacility(1, 4);
        long person = fx.admitAs(records, f.code(), f.cells().getFirst());
        Api.Response laid = api.post("/api/discipline/charges", officer, Map.of("personId", person, "incidentAt",
                Instant.now().minus(Duration.ofHours(3)).toString(), "offence", "Daños a la celda",
                "particulars", "Rompió el grifo de la celda"));
        assertThat(laid.status()).as(laid.body()).isEqualTo(201);
        long id = laid.json().get("id").asLong();
        long before = fx.ledgerEntries();

        try (Browser b = new Browser(port)) {
            b.login("direccion");
            b.open("/discipline/charges/" + id);
            b.waitFor(By.id("persons-account")).sendKeys("Dice que el grifo ya estaba roto");
            new Select(b.driver.findElement(By.id("outcome"))).selectByValue("PROVED");
            new Select(b.driver.findElement(By.id("sanction"))).selectByValue("REDUCED_WATER");
            b.driver.findElement(By.id("sanction-days")).sendKeys("3");
            b.driver.findElement(By.id("decide")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision-error"), "MANDELA-43"));
            assertThat(b.driver.findElement(By.id("charge-state")).getText()).isEqualTo("Pendiente de audiencia");
            b.screenshot("discipline-prohibited-sanction");
        }
        assertThat(fx.ledgerEntries()).as("nothing recorded").isEqualTo(before);
    }
}
