package org.custodia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Browser;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A director named as involved in a death cannot open the case; the inspector opens it and acknowledges it. */
class OversightBrowserTest extends ServiceTest {
    @Test
    void anImplicatedOfficialCannotOpenTheCase() {
        String officer = fx.account("oficial-nacional", "OFFICER");
        String records = fx.account("registro-nacional", "RECORDS");
        String implicated = fx.account("direccion-implicada", "COMMAND");
        TestFacility f = fx.newFacility(1, 4);
        long person = fx.admitAs(records, f.code(), f.cells().getFirst());
        Api.Response r = api.post("/api/serious-cases", officer, Map.of("kind", "SERIOUS_INJURY", "personId", person,
                "occurredAt", Instant.now().minus(Duration.ofHours(2)).toString(), "place", "Patio 2",
                "circumstances", "Fractura de brazo durante un registro de celda", "involvedStaff",
                List.of(implicated)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();

        try (Browser b = new Browser(port)) {
            b.login(implicated);
            b.open("/serious-cases/" + id);
            assertThat(b.waitFor(By.tagName("main")).getText()).doesNotContain("Fractura");
            assertThat(b.driver.findElements(By.id("serious-case"))).isEmpty();
            b.screenshot("serious-case-implicated");
        }
        try (Browser b = new Browser(port)) {
            b.login("inspector");
            b.open("/serious-cases/" + id);
            assertThat(b.waitFor(By.id("case-circumstances")).getText()).contains("Fractura");
            b.driver.findElement(By.id("acknowledge")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-acknowledged"), "inspector"));
            b.screenshot("serious-case-acknowledged");
        }
    }
}
