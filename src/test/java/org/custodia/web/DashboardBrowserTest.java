package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A director logs in, reads the mega-prison's figures, opens a pavilion map and switches to English. */
@IntegrationTest
class DashboardBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void start() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("chromium is installed (.ci/run installs it)").exists();
        assertThat(Path.of(CHROMEDRIVER)).as("chromium-driver is installed (.ci/run installs it)").exists();
        profile = Files.createTempDirectory("custodia-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Kept under target/screenshots for whoever wants to look at what the test saw. */
    private void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void directorSeesTheMegaPrisonOpensAPavilionAndSwitchesToEnglish() {
        String base = "http://localhost:" + port;
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("direccion");
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#facilities tr[data-facility='CECOT']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Panel de control");
        assertThat(row.getText()).contains("Centro de Confinamiento del Terrorismo").contains("40.000");
        assertThat(row.findElement(By.cssSelector(".population")).getText()).isEqualTo("1.400");
        // the chart is drawn, and the ledger check (htmx) reports an intact ledger
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#occupancy-chart canvas")));
        WebElement ledger = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ledger-result")));
        assertThat(ledger.getText()).startsWith("Íntegro");

        screenshot("dashboard");
        row.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pavilions")));
        List<WebElement> pavilions = browser.findElements(By.cssSelector("a.pavilion-link"));
        assertThat(pavilions).hasSize(8);
        pavilions.getFirst().click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pavilion-title")));
        assertThat(browser.findElement(By.id("pavilion-title")).getText()).isEqualTo("Módulo 1");
        List<WebElement> tiles = browser.findElements(By.cssSelector(".tile[data-cell]"));
        assertThat(tiles).hasSize(72);
        assertThat(tiles.getFirst().getAttribute("class")).containsAnyOf("occ-low", "occ-high", "occ-over");
        assertThat(browser.getPageSource()).contains("Nivel 2");

        screenshot("pavilion");
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lang-es")));
        assertThat(browser.getPageSource()).contains("Level 2").doesNotContain("Nivel 2");
        browser.get(base + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("facilities")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.cssSelector("#facilities tr[data-facility='CECOT']")).getText())
                .contains("40,000");
    }
}
