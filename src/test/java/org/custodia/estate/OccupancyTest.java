package org.custodia.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.people.PeopleService;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Occupancy figures come from the records: declared, certified, population and space per person kept apart. */
class OccupancyTest extends ServiceTest {
    @Autowired
    PeopleService people;

    @Test
    void theMegaPrisonFiguresAreComputedFromTheRecords() {
        JsonNode f = api.get("/api/facilities/CECOT/occupancy", "direccion").json();
        JsonNode cecot = f.get("facility");
        assertThat(cecot.get("declaredCapacity").asInt()).isEqualTo(40_000);
        int certified = db.sql("select sum(certified_capacity) from location where facility_code = 'CECOT' "
                + "and kind = 'CELL'").query(Integer.class).single();
        int held = db.sql("select count(*) from booking where facility_code = 'CECOT' and released_at is null")
                .query(Integer.class).single();
        assertThat(cecot.get("certifiedCapacity").asInt()).isEqualTo(certified);
        assertThat(cecot.get("population").asInt()).isEqualTo(held);
        // eight demo pavilions (other tests add pavilions of their own)
        assertThat(db.sql("select count(*) from pavilion where facility_code = 'CECOT' and code ~ '^M[1-8]$'")
                .query(Integer.class).single()).isEqualTo(8);
        assertThat(f.get("pavilions").size()).isEqualTo(db.sql("select count(*) from pavilion where facility_code = "
                + "'CECOT'").query(Integer.class).single());
        // 8 pavilions x 2 levels x 36 cells of 70: the design capacity is not the declared one
        assertThat(certified).isGreaterThanOrEqualTo(8 * 2 * 36 * 70);
        assertThat(cecot.get("standards").get(0).get("standard").asString()).isEqualTo("ICRC-SPACE-DORM");
    }

    @Test
    void smallerFacilitiesRunAt150To250PercentOfDeclaredCapacity() {
        // the demo's four smaller facilities; other tests register facilities of their own ("Centro de prueba…")
        List<JsonNode> smaller = api.get("/api/facilities", "direccion").json().values().stream()
                .filter(f -> !f.get("id").asString().equals("CECOT") && f.get("population").asLong() > 0
                        && !f.get("name").asString().startsWith("Centro de prueba")).toList();
        assertThat(smaller).hasSize(4);
        for (JsonNode f : smaller) {
            double pct = f.get("occupancyOfDeclaredPct").asDouble();
            assertThat(pct).as(f.get("id").asString()).isBetween(150.0, 250.0);
            assertThat(f.get("standards").get(1).get("met").asBoolean()).isFalse();
        }
    }

    @Test
    void everyLocationCountsExactlyThePeopleBookedIntoIt() {
        Map<Long, Integer> held = people.heldPerLocation();
        db.sql("select id, population from location").query((rs, n) -> {
            assertThat(rs.getInt(2)).as("location " + rs.getLong(1))
                    .isEqualTo(held.getOrDefault(rs.getLong(1), 0));
            return null;
        }).list();
    }
}
