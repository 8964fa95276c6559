package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Browser;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An officer tries to move a person into a cell holding a rival and sees the move refused with the reason. */
class MoveBrowserTest extends ServiceTest {

    @Test
    void aMoveIntoARivalsCellIsRefusedWithTheReason() {
        String pav = fx.newPavilion("CECOT");
        long rivalCell = fx.newCell("CECOT", 6, pav);
        long ownCell = fx.newCell("CECOT", 6, pav);
        long sur = fx.admit("CECOT", rivalCell, "UNTRIED");
        long rev = fx.admit("CECOT", ownCell, "UNTRIED");
        fx.claim(sur, "B18-SUR");
        fx.claim(rev, "B18-REV");
        String rivalCode = db.sql("select code from location where id = ?").param(rivalCell).query(String.class)
                .single();
        long entries = fx.ledgerEntries();

        try (Browser b = new Browser(port)) {
            b.login("oficial");
            b.open("/housing/cells/" + ownCell);
            WebElement row = b.waitFor(By.cssSelector("tr[data-person='" + rev + "']"));
            row.findElement(By.tagName("summary")).click();
            row.findElement(By.className("to-cell")).sendKeys(rivalCode);
            row.findElement(By.className("reason")).sendKeys("Solicitud del interno");
            row.findElement(By.className("check-move")).click();
            WebElement violation = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-person='" + rev + "'] .violation")));
            assertThat(violation.getText()).contains("Grupos rivales B18-REV/B18-SUR en la misma celda");
            assertThat(violation.getAttribute("data-rule")).isEqualTo("RIVAL_GROUP");

            // committing anyway is refused with the same reason, and nothing moves
            row.findElement(By.className("commit-move")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-person='" + rev + "'] .check-result .error"), "nothing was moved"));
            assertThat(row.findElement(By.className("violation")).getText()).contains("Grupos rivales");
            b.screenshot("move-refused-rival");

            // the pavilion map shows the group composition of each cell
            b.open("/housing/pavilions/" + db.sql("select pavilion_id from location where id = ?").param(rivalCell)
                    .query(Long.class).single());
            assertThat(b.waitFor(By.cssSelector("a[data-cell='" + rivalCode + "'] .groups")).getText())
                    .contains("B18-SUR 1");
        }
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.population(rivalCell)).isEqualTo(1);
    }
}
