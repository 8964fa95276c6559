package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A non-association with someone outside the official's scope shows that it exists, not who or why. */
class NonAssociationScopeTest extends ServiceTest {

    @Test
    void theOtherPersonAndTheReasonStayHiddenOutsideScope() {
        long here = fx.admit("CECOT", fx.newCell("CECOT", 2), "UNTRIED");
        long there = db.sql("select person_id from booking where facility_code = ? and released_at is null "
                + "order by id limit 1").param(fx.otherFacility()).query(Long.class).single();
        Api.Response r = api.post("/api/non-associations", "direccion", Map.of("personA", here, "personB", there,
                "level", "FACILITY", "kind", "INFORMANT", "reason", "Declaró contra él en el proceso 88/2026"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        Api.Response scoped = api.get("/api/people/" + here + "/non-associations", "oficial");
        assertThat(scoped.status()).isEqualTo(200);
        JsonNode seen = scoped.json().get(0);
        assertThat(seen.get("withSomeoneElsewhere").asBoolean()).isTrue();
        assertThat(seen.get("level").asString()).isEqualTo("FACILITY");
        assertThat(seen.get("personA").asLong(0) == there || seen.get("personB").asLong(0) == there).isFalse();
        assertThat(scoped.body()).doesNotContain("88/2026").doesNotContain("INFORMANT");

        JsonNode national = api.get("/api/people/" + here + "/non-associations", "direccion").json().get(0);
        assertThat(national.get("withSomeoneElsewhere").asBoolean()).isFalse();
        assertThat(national.get("reason").asString()).contains("88/2026");
    }
}
