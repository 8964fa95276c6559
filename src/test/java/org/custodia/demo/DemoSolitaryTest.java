package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo's solitary confinement register: placements near the limit in the mega-prison, days without visits. */
class DemoSolitaryTest extends ServiceTest {
    @Test
    void theMegaPrisonHasPlacementsPastTheAlertDayAndNoneOverTheLimit() {
        JsonNode register = api.get("/api/facilities/CECOT/solitary?size=500", "direccion").json();
        assertThat(register.get("total").asInt()).isGreaterThanOrEqualTo(8);
        long alerts = register.get("items").valueStream().filter(p -> p.get("alert").asBoolean()).count();
        assertThat(alerts).isGreaterThanOrEqualTo(3);
        assertThat(register.get("items").valueStream().noneMatch(p -> p.get("overLimit").asBoolean())).isTrue();
        assertThat(register.get("items").valueStream().mapToInt(p -> p.get("daysWithoutOutdoors").asInt()).sum())
                .as("time outdoors is not every day").isPositive();
    }

    @Test
    void theInspectorsDashboardShowsCareOverdueAndSolitaryNearTheLimitAndOfficersDoNotSeeIt() {
        String page = api.get("/", "inspector").body();
        assertThat(page).contains("id=\"safety\"");
        String row = page.substring(page.indexOf("id=\"safety\""));
        row = row.substring(row.indexOf("data-facility=\"CECOT\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("solitary-alert over");
        assertThat(api.get("/", "oficial").body()).doesNotContain("id=\"safety\"");
    }
}
