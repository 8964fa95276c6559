package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A director logs in, reads the mega-prison's figures, opens a pavilion map and switches to English. */
@IntegrationTest
class DashboardBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    @Test
    void directorSeesTheMegaPrisonOpensAPavilionAndSwitchesToEnglish() {
        try (Browser b = new Browser(port)) {
            b.open("/");
            b.waitFor(By.id("username"));
            b.login("direccion");

            WebElement row = b.waitFor(By.cssSelector("#facilities tr[data-facility='CECOT']"));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Panel de control");
            assertThat(row.getText()).contains("Centro de Confinamiento del Terrorismo").contains("40.000");
            // other tests admit people to CECOT: the figure is the records', in Spanish digit grouping
            long held = db.sql("select count(*) from booking where facility_code = 'CECOT' and released_at is null")
                    .query(Long.class).single();
            assertThat(row.findElement(By.cssSelector(".population")).getText())
                    .isEqualTo(String.format(java.util.Locale.forLanguageTag("es"), "%,d", held));
            // the chart is drawn, and the ledger check (htmx) reports an intact ledger
            b.waitFor(By.cssSelector("#occupancy-chart canvas"));
            assertThat(b.waitFor(By.id("ledger-result")).getText()).startsWith("Íntegro");
            b.screenshot("dashboard");

            row.findElement(By.tagName("a")).click();
            b.waitFor(By.id("pavilions"));
            List<WebElement> pavilions = b.driver.findElements(By.cssSelector("a.pavilion-link"));
            assertThat(pavilions).hasSize(8);
            pavilions.getFirst().click();
            b.waitFor(By.id("pavilion-title"));
            assertThat(b.driver.findElement(By.id("pavilion-title")).getText()).isEqualTo("Módulo 1");
            List<WebElement> tiles = b.driver.findElements(By.cssSelector(".tile[data-cell]"));
            assertThat(tiles).hasSize(72);
            assertThat(tiles.getFirst().getAttribute("class")).containsAnyOf("occ-low", "occ-high", "occ-over");
            assertThat(b.driver.getPageSource()).contains("Nivel 2");
            b.screenshot("pavilion");

            b.driver.findElement(By.id("lang-en")).click();
            b.waitFor(By.id("lang-es"));
            assertThat(b.driver.getPageSource()).contains("Level 2").doesNotContain("Nivel 2");
            b.open("/");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("facilities")));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
            assertThat(b.driver.findElement(By.cssSelector("#facilities tr[data-facility='CECOT']")).getText())
                    .contains("40,000");
        }
    }
}
