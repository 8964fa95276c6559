package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo's year of deaths in custody, as the inspector reads it: the national rate and the gaps in notification. */
class DemoSeriousCasesTest extends ServiceTest {
    @Test
    void deathsAreAtTheNationalServicesRateAndEveryDeadPersonsStayEndedOnDeath() {
        JsonNode rows = api.get("/api/figures/deaths", "inspector").json();
        JsonNode national = rows.get(rows.size() - 1);
        assertThat(national.path("facilityCode").isMissingNode() || national.get("facilityCode").isNull()).isTrue();
        assertThat(national.get("deaths").asLong()).isPositive();
        assertThat(national.get("perThousand").asDouble()).isBetween(0.5, 3.0);
        long deathsTakenOn = db.sql("select count(*) from serious_case where kind = 'DEATH' and reported_by = 'sistema'")
                .query(Long.class).single();
        long endedOnDeath = db.sql("""
                        select count(*) from booking b join serious_case c on c.person_id = b.person_id
                         where c.kind = 'DEATH' and c.reported_by = 'sistema' and b.release_basis = 'DEATH'""")
                .query(Long.class).single();
        assertThat(endedOnDeath).isEqualTo(deathsTakenOn);
    }

    @Test
    void theMegaPrisonHasFightsOverFoodAndWaterAndStatementsOverdue() {
        JsonNode fights = api.get("/api/facilities/CECOT/incidents?type=FIGHT&size=500", "direccion").json();
        assertThat(fights.get("total").asInt()).isPositive();
        assertThat(fights.get("items").valueStream().map(i -> i.get("description").asString()))
                .anyMatch(d -> d.contains("agua") || d.contains("almuerzo"));
        assertThat(api.get("/api/facilities/CECOT/use-of-force-statements?overdue=true", "inspector").json()
                .get("total").asInt()).isPositive();
    }
}
