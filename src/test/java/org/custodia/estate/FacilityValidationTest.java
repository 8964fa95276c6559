package org.custodia.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.custodia.ledger.Actor;
import org.custodia.platform.InvalidRequestException;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facility's and a location's fields are checked by the constraints on their records, whoever registers them:
 * an administrator through the API, or the demo load and other callers inside the service.
 */
class FacilityValidationTest extends ServiceTest {
    @Autowired
    EstateService estate;

    long facilities() {
        return db.sql("select count(*) from facility").query(Long.class).single();
    }

    @Nested
    class ThroughTheApi {
        @Test
        void aCodeOutsideItsPatternIs400ByFieldAndNothingIsRegistered() {
            long before = facilities();
            Api.Response r = api.post("/api/facilities", "admin", Map.of("code", "cárcel nueva", "name", "Nueva",
                    "kind", "PENITENTIARY", "jurisdiction", "Nacional", "declaredCapacity", 10));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get("code").asString()).contains("upper-case letters");
            assertThat(facilities()).isEqualTo(before);
        }
    }

    @Nested
    class InsideTheService {
        @Test
        void theSameConstraintsRefuseAFacilityWithoutNameOrCapacity() {
            long before = facilities();
            assertThatThrownBy(() -> estate.registerFacility(new NewFacility("ZVALIDA", " ", FacilityKind.PENITENTIARY,
                    "Nacional", null), Actor.SYSTEM))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                            assertThat(e.errors()).containsKeys("name", "declaredCapacity").doesNotContainKey("code"));
            assertThat(facilities()).isEqualTo(before);
        }

        @Test
        void aLocationWithoutKindOrWithAControlCharacterInItsCodeIsRefused() {
            assertThatThrownBy(() -> estate.addLocations("CECOT", List.of(new NewLocation(null, "PATIO\u0000", null, 1,
                    new BigDecimal("10"), 1, 1)), Actor.SYSTEM))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                            assertThat(e.errors()).containsKeys("code", "kind"));
        }
    }
}
