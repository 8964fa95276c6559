package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driving the running service, as a member of staff would. */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final String base;

    public Browser(int port) {
        assertThat(Path.of(CHROMIUM)).as("chromium is installed (the build's bin/ensure-browser installs it)").exists();
        assertThat(Path.of(CHROMEDRIVER)).as("chromium-driver is installed (the build's bin/ensure-browser installs it)").exists();
        try {
            Path profile = Files.createTempDirectory("custodia-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        base = "http://localhost:" + port;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void login(String user) {
        open("/login");
        waitFor(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.passwordOf(user));
        driver.findElement(By.id("login-submit")).click();
        // the session exists only once the answer to the login has arrived: navigating earlier races it
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Sets an input's value directly (date and time inputs take locale-dependent keystrokes). */
    public void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }

    /** Kept under target/screenshots for whoever wants to look at what the test saw. */
    public void screenshot(String name) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
