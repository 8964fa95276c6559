package org.custodia.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A records officer uploads a batch file, watches it finish, and reads the error report of a bad one. */
@IntegrationTest
class BatchUploadBrowserTest {
    @LocalServerPort
    int port;

    @Test
    void uploadAndWatchABatch(@TempDir Path dir) throws Exception {
        StringBuilder good = new StringBuilder(IntakeTest.HEADER);
        for (int i = 0; i < 40; i++) {
            good.append("Jesús Alberto,Briceño").append((char) ('a' + i % 10)).append(",Márquez,El Gocho,1988-04-0").append(1 + i % 9)
                    .append(",MALE,VEN,VX").append(UUID.randomUUID().toString(), 0, 8)
                    .append(",HELD_FOR_ANOTHER_STATE,Estados Unidos de América,TRF-").append(i)
                    .append(",Acuerdo de servicios penitenciarios 2025,2025-03-15T10:00:00Z,Aeropuerto,CECOT\n");
        }
        Path goodFile = Files.writeString(dir.resolve("vuelo.csv"), good);
        Path badFile = Files.writeString(dir.resolve("malo.csv"), IntakeTest.HEADER
                + "<b>Pedro</b>,Paz,,,1990-13-01,MALE,SLV,123,UNTRIED,Juzgado,OD-1,CPP,2026-11-01T10:00:00Z,Apopa,CECOT\n");
        try (Browser b = new Browser(port)) {
            b.login("registro");
            b.waitFor(By.id("nav-intake")).click();
            b.waitFor(By.id("file")).sendKeys(goodFile.toString());
            b.driver.findElement(By.id("upload")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("batch-status"), "Terminado"));
            assertThat(b.driver.findElement(By.id("batch-progress")).getText()).contains("40 filas · 40 ingresadas");
            b.screenshot("batch");

            b.open("/intake");
            b.waitFor(By.id("file")).sendKeys(badFile.toString());
            b.driver.findElement(By.id("upload")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("batch-status"), "Rechazado: nadie ingresó"));
            String report = b.driver.findElement(By.id("batch-errors")).getText();
            assertThat(report).contains("givenNames").contains("dateOfBirth");
            assertThat(b.driver.getPageSource()).doesNotContain("<b>Pedro</b>");
        }
    }
}
