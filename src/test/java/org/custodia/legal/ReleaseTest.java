package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Release returns the property on file against a signature; the worklist shows release dates reached or passed. */
class ReleaseTest extends ServiceTest {

    long admit(String status) {
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 2), "Nelson Mauricio",
                "Argueta", "Cañas"));
        a.put("legalStatus", status);
        Api.Response r = api.post("/api/people", "registro", a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void propertyIsReturnedAndSignedFor() {
        long id = admit("UNTRIED");
        api.post("/api/people/" + id + "/file/property", "registro",
                Map.of("content", Map.of("item", "Cadena de plata", "sealedBag", "B-7")));
        Api.Response unsigned = api.post("/api/people/" + id + "/release", "registro",
                Map.of("basis", "COURT_ORDER", "reference", "Resolución 2026/11"));
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("errors").has("propertySignedBy")).isTrue();
        assertThat(api.get("/api/people/" + id, "registro").json().get("current").isNull()).isFalse();

        Api.Response ok = api.post("/api/people/" + id + "/release", "registro",
                Map.of("basis", "COURT_ORDER", "reference", "Resolución 2026/11", "propertySignedBy",
                        "Nelson Mauricio Argueta Cañas"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode last = api.get("/api/people/" + id + "/history", "direccion").json();
        JsonNode released = last.get(last.size() - 1);
        assertThat(released.get("type").asString()).isEqualTo("PERSON_RELEASED");
        assertThat(released.get("payload").asString()).contains("Cadena de plata").contains("propertySignedBy");
    }

    @Test
    void theWorklistShowsReleaseDatesReachedOrPassed() {
        long served = admit("SENTENCED");
        long serving = admit("SENTENCED");
        api.post("/api/people/" + served + "/sentences", "registro", SentenceApiTest.sentence("S-1", 5, 0, 0,
                "CONCURRENT"));
        Map<String, Object> longOne = SentenceApiTest.sentence("S-2", 40, 0, 0, "CONCURRENT");
        api.post("/api/people/" + serving + "/sentences", "registro", longOne);
        // both start on 2022-03-27: complete in 2027 and 2062, not yet; a 3-year term from 2015 completed in 2018
        Map<String, Object> old = SentenceApiTest.sentence("S-3", 3, 0, 0, "CONCURRENT");
        old.put("startDate", "2015-01-01");
        old.put("imposedOn", "2015-06-01");
        long overdue = admit("SENTENCED");
        assertThat(api.post("/api/people/" + overdue + "/sentences", "registro", old).status()).isEqualTo(201);

        List<Long> due = api.get("/api/worklists/release?facility=CECOT", "direccion").json().values().stream()
                .map(n -> n.get("personId").asLong()).toList();
        assertThat(due).contains(overdue).doesNotContain(served, serving);
        JsonNode entry = api.get("/api/worklists/release", "inspector").json().values().stream()
                .filter(n -> n.get("personId").asLong() == overdue).findFirst().orElseThrow();
        assertThat(entry.get("earliestRelease").asString()).isEqualTo("2018-01-01");
        assertThat(entry.get("daysOverdue").asLong()).isPositive();
        assertThat(api.get("/api/worklists/release", "oficial").status()).isEqualTo(403);
    }
}
