package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo's charges after the mega-prison's recent fights: each names its incident and was laid in time. */
class DemoChargesTest extends ServiceTest {
    @Test
    void recentFightsHaveChargesAwaitingAHearingThatNameTheirIncidentAndItsPerpetrator() {
        String page = api.get("/facilities/CECOT/discipline", "oficial").body();
        Matcher m = Pattern.compile("href=\"/discipline/charges/(\\d+)\"").matcher(page);
        // other tests lay charges in the mega-prison too: the demo's are those its officer laid from an incident
        List<JsonNode> demo = m.results().map(r -> api.get("/api/discipline/charges/" + r.group(1), "oficial").json())
                .filter(c -> !c.get("incidentId").isNull() && c.get("laidBy").asString().equals("oficial")).toList();
        assertThat(demo).isNotEmpty();
        for (JsonNode charge : demo) {
            JsonNode incident = api.get("/api/incidents/" + charge.get("incidentId").asLong(), "oficial").json();
            assertThat(Instant.parse(charge.get("incidentAt").asString()))
                    .isEqualTo(Instant.parse(incident.get("occurredAt").asString()));
            assertThat(incident.get("people").valueStream().anyMatch(p -> p.get("personId").asLong()
                    == charge.get("personId").asLong() && p.get("role").asString().equals("PERPETRATOR"))).isTrue();
            assertThat(Duration.between(Instant.parse(charge.get("incidentAt").asString()),
                    Instant.parse(charge.get("laidAt").asString()))).isLessThan(Duration.ofHours(48));
        }
    }
}
