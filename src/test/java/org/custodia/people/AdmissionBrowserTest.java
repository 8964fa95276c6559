package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A records officer admits a person through the form, then finds them by a misspelled name. */
@IntegrationTest
class AdmissionBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    long people() {
        return db.sql("select count(*) from person").query(Long.class).single();
    }

    void fill(Browser b, String given) {
        b.waitFor(By.id("admission-form"));
        b.driver.findElement(By.id("givenNames")).clear();
        b.driver.findElement(By.id("givenNames")).sendKeys(given);
        b.driver.findElement(By.id("firstSurname")).clear();
        b.driver.findElement(By.id("firstSurname")).sendKeys("Quiñónez");
        b.driver.findElement(By.id("secondSurname")).clear();
        b.driver.findElement(By.id("secondSurname")).sendKeys("Gálvez");
        b.driver.findElement(By.id("aliases")).clear();
        b.driver.findElement(By.id("aliases")).sendKeys("El Ñoño, Chele 7");
        b.setValue("dateOfBirth", "1994-07-02");
        new Select(b.driver.findElement(By.id("sex"))).selectByValue("MALE");
        b.driver.findElement(By.id("idDocument")).clear();
        b.driver.findElement(By.id("idDocument")).sendKeys("05551234-6");
        b.driver.findElement(By.id("authority")).clear();
        b.driver.findElement(By.id("authority")).sendKeys("Juzgado de Paz de Soyapango");
        b.driver.findElement(By.id("documentReference")).clear();
        b.driver.findElement(By.id("documentReference")).sendKeys("OD-2026-4411");
        b.driver.findElement(By.id("legalBasis")).clear();
        b.driver.findElement(By.id("legalBasis")).sendKeys("Código Procesal Penal art. 329");
        b.setValue("arrestedAt", "2026-11-27T22:15");
        b.driver.findElement(By.id("arrestPlace")).clear();
        b.driver.findElement(By.id("arrestPlace")).sendKeys("Soyapango, San Salvador");
        new Select(b.driver.findElement(By.id("facilityCode"))).selectByValue("CECOT");
    }

    @Test
    void admitThroughTheFormThenFindByAMisspelledName() {
        try (Browser b = new Browser(port)) {
            b.login("registro");
            b.waitFor(By.id("nav-admission")).click();

            // a hostile name is refused, shown escaped, and nobody is admitted
            long before = people();
            fill(b, "<img src=x onerror=alert(1)>");
            b.driver.findElement(By.id("admit")).click();
            WebElement errors = b.waitFor(By.id("admission-errors"));
            assertThat(errors.getText()).contains("givenNames");
            assertThat(b.driver.findElement(By.id("givenNames")).getAttribute("value"))
                    .isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(b.driver.getPageSource()).doesNotContain("<img src=\"x\"").doesNotContain("<img src=x");
            assertThat(people()).isEqualTo(before);

            fill(b, "Ramón Ernesto");
            b.driver.findElement(By.id("admit")).click();
            WebElement name = b.waitFor(By.id("person-name"));
            assertThat(name.getText()).isEqualTo("Ramón Ernesto Quiñónez Gálvez");
            assertThat(b.driver.getPageSource()).contains("El Ñoño").contains("RECEPCION").contains("PERSON_ADMITTED");
            assertThat(people()).isEqualTo(before + 1);
            b.screenshot("person");

            // property goes on the file from the person page
            b.driver.findElement(By.cssSelector("#add-PROPERTY summary")).click();
            b.driver.findElement(By.id("PROPERTY-item")).sendKeys("Reloj Casio");
            b.driver.findElement(By.id("PROPERTY-sealedBag")).sendKeys("B-0091");
            b.driver.findElement(By.id("save-PROPERTY")).click();
            b.waitFor(By.id("person-file"));
            assertThat(b.driver.findElement(By.id("person-file")).getText()).contains("Reloj Casio");
            assertThat(b.driver.findElement(By.id("completeness")).getText()).contains("(e) ✓");

            WebElement box = b.driver.findElement(By.id("search-box"));
            box.sendKeys("ramon ernesto quinones galves", Keys.ENTER);
            WebElement hit = b.waitFor(By.cssSelector("#search-results a.hit"));
            assertThat(hit.getText()).isEqualTo("Ramón Ernesto Quiñónez Gálvez");
            b.screenshot("search");
            hit.click();
            assertThat(b.waitFor(By.id("person-name")).getText()).isEqualTo("Ramón Ernesto Quiñónez Gálvez");
        }
    }
}
