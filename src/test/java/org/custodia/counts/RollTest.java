package org.custodia.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The establishment roll: every figure follows the bookings and movements it is computed from. */
class RollTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";

    TestFacility f;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        f = fx.newFacility(2, 3);
    }

    JsonNode roll() {
        return api.get("/api/facilities/" + f.code() + "/roll", OFFICER).json();
    }

    JsonNode national() {
        for (JsonNode line : api.get("/api/roll", "inspector").json().get("lines")) {
            if (line.get("facilityCode").asString().equals(f.code())) {
                return line.get("figures");
            }
        }
        throw new AssertionError("no line for " + f.code());
    }

    @Nested
    class FacilityRoll {
        @Test
        void anotherFacilitysOfficerSeesNoSuchFacility() {
            assertThat(api.get("/api/facilities/" + f.code() + "/roll", "oficial").status()).isEqualTo(404);
        }

        @Test
        void anAdmissionToReceptionIsInReceptionAndArrivedToday() {
            JsonNode before = roll().get("total");
            fx.admitAs(RECORDS, f.code(), f.reception());
            JsonNode after = roll().get("total");
            assertThat(after.get("population").asInt() - before.get("population").asInt()).isEqualTo(1);
            assertThat(after.get("inReception").asInt() - before.get("inReception").asInt()).isEqualTo(1);
            assertThat(after.get("arrivedToday").asInt() - before.get("arrivedToday").asInt()).isEqualTo(1);
            assertThat(after.get("inCell").asInt()).isEqualTo(before.get("inCell").asInt());
        }

        @Test
        void aPersonInACellTakesAVacancy() {
            JsonNode before = roll().get("total");
            assertThat(before.get("certifiedCapacity").asInt()).isEqualTo(6);
            fx.admitAs(RECORDS, f.code(), f.cells().get(0));
            JsonNode after = roll().get("total");
            assertThat(after.get("inCell").asInt() - before.get("inCell").asInt()).isEqualTo(1);
            assertThat(before.get("netVacancies").asInt() - after.get("netVacancies").asInt()).isEqualTo(1);
            assertThat(after.get("cellsOverCapacity").asInt()).isZero();
        }

        @Test
        void aPersonOutOfCellIsCountedByPurposeAndNotInCell() {
            long person = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
            long medical = fx.newPlace(f.code(), "MEDICAL");
            JsonNode before = roll().get("total");
            assertThat(api.post("/api/movements", OFFICER, Map.of("personIds", List.of(person), "destinationId",
                    medical, "purpose", "MEDICAL", "escort", "Agente Díaz", "dueBackAt", Instant.now()
                            .plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())).status())
                    .isEqualTo(201);
            JsonNode after = roll().get("total");
            assertThat(after.get("outOfCell").asInt() - before.get("outOfCell").asInt()).isEqualTo(1);
            assertThat(before.get("inCell").asInt() - after.get("inCell").asInt()).isEqualTo(1);
            assertThat(after.get("outByPurpose").get("MEDICAL").asInt()).isEqualTo(1);
            assertThat(after.get("population").asInt()).isEqualTo(before.get("population").asInt());
        }

        @Test
        void aReleaseLeavesTodayAndTheRoll() {
            long person = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
            JsonNode before = roll().get("total");
            assertThat(api.post("/api/people/" + person + "/release", RECORDS, Map.of("basis", "COURT_ORDER",
                    "reference", "Resolución 7")).status()).isEqualTo(200);
            JsonNode after = roll().get("total");
            assertThat(before.get("population").asInt() - after.get("population").asInt()).isEqualTo(1);
            assertThat(after.get("leftToday").asInt() - before.get("leftToday").asInt()).isEqualTo(1);
        }

        @Test
        void eachPavilionHasALineAndItsCellsAPage() {
            fx.admitAs(RECORDS, f.code(), f.cells().get(1));
            JsonNode pavilion = null;
            for (JsonNode line : roll().get("lines")) {
                if (f.pavilion().equals(line.get("pavilionCode").asString(null))) {
                    pavilion = line;
                }
            }
            assertThat(pavilion).isNotNull();
            assertThat(pavilion.get("figures").get("population").asInt()).isEqualTo(1);
            JsonNode cells = api.get("/api/facilities/" + f.code() + "/roll/" + f.pavilion() + "?size=1", OFFICER)
                    .json();
            assertThat(cells.get("total").asInt()).isEqualTo(2);
            assertThat(cells.get("items")).hasSize(1);
        }
    }

    @Nested
    class NationalRoll {
        @Test
        void theNationalRollHasALinePerFacilityThatAgreesWithItsOwnRoll() {
            fx.admitAs(RECORDS, f.code(), f.cells().get(0));
            assertThat(national().get("population").asInt()).isEqualTo(roll().get("total").get("population").asInt());
            assertThat(national().get("inCell").asInt()).isEqualTo(1);
        }

        @Test
        void aFacilityScopedOfficialSeesOnlyTheirFacilities() {
            JsonNode lines = api.get("/api/roll", "oficial").json().get("lines");
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).get("facilityCode").asString()).isEqualTo("CECOT");
        }
    }
}
