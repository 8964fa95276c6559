package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.custodia.support.Browser;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Command defines a group and keeps it apart from another on the groups page; officers only read it. */
class GroupsBrowserTest extends ServiceTest {

    @Test
    void commandDefinesAGroupAndSetsAndEndsARivalryOnThePage() {
        String code = "G-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long entries = db.sql("select count(*) from ledger_entry where chain = 'NACIONAL'").query(Long.class).single();
        try (Browser b = new Browser(port)) {
            b.login("direccion");
            b.open("/housing/groups");
            b.waitFor(By.id("group-form")).findElement(By.name("code")).sendKeys(code);
            b.driver.findElement(By.cssSelector("#group-form [name=name]")).sendKeys("Clica de Soyapango «Los Ñañas»");
            b.driver.findElement(By.cssSelector("#group-form button")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-done"), code));

            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=groupA]"))).selectByValue(code);
            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=groupB]"))).selectByValue("TDA");
            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=level]"))).selectByValue("PAVILION");
            b.driver.findElement(By.cssSelector("#rivalry-form [name=reason]"))
                    .sendKeys("Informe de inteligencia IR-2026-77");
            b.driver.findElement(By.cssSelector("#rivalry-form button")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rivalry-outcome"),
                    "de sin rivalidad a separados por pabellón"));
            assertThat(b.driver.findElement(By.cssSelector("tr[data-pair='" + code + "/TDA']")).getText())
                    .contains("pabellón");
            b.screenshot("groups-rivalry");

            // the same pair again at the same level is refused with the reason, and nothing changes
            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=groupA]"))).selectByValue("TDA");
            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=groupB]"))).selectByValue(code);
            new Select(b.driver.findElement(By.cssSelector("#rivalry-form [name=level]"))).selectByValue("PAVILION");
            b.driver.findElement(By.cssSelector("#rivalry-form [name=reason]")).sendKeys("otra vez");
            b.driver.findElement(By.cssSelector("#rivalry-form button")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.error"),
                    "already kept apart"));
        }
        assertThat(db.sql("select count(*) from ledger_entry where chain = 'NACIONAL'").query(Long.class).single())
                .isEqualTo(entries + 2);
        api.post("/api/housing/rivalries", "direccion", java.util.Map.of("groupA", code, "groupB", "TDA",
                "level", "NONE", "reason", "fin de la prueba"));
        String page = api.get("/housing/groups", "oficial").body();
        assertThat(page).contains(code).doesNotContain("rivalry-form").doesNotContain("group-form");
    }
}
