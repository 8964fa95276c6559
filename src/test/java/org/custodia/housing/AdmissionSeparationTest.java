package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** Booking someone straight into a cell obeys the separation rules moves obey; reception takes anyone. */
class AdmissionSeparationTest extends ServiceTest {

    Api.Response admit(long cell, String sex, String legalStatus) {
        Map<String, Object> a = Fixtures.admission("CECOT", cell, "María José", "Ávalos", "Peñate");
        a.put("sex", sex);
        a.put("legalStatus", legalStatus);
        return api.post("/api/admissions", "registro", a);
    }

    @Test
    void anAdmissionIntoACellOfAnotherCategoryIsRefusedAndAdmitsNobody() {
        String pav = fx.newPavilion("CECOT");
        long cell = fx.newCell("CECOT", 4, pav);
        long other = fx.newCell("CECOT", 4, pav);
        assertThat(admit(cell, "MALE", "SENTENCED").status()).isEqualTo(201);
        long people = fx.people();
        long entries = fx.ledgerEntries();

        Api.Response untried = admit(cell, "MALE", "UNTRIED");
        assertThat(untried.status()).as(untried.body()).isEqualTo(409);
        assertThat(untried.body()).contains("UNTRIED_CONVICTED").contains("nobody was admitted");

        Api.Response woman = admit(other, "FEMALE", "SENTENCED");
        assertThat(woman.status()).as("men and women are kept apart by pavilion").isEqualTo(409);
        assertThat(woman.body()).contains("\"rule\":\"SEX\"");

        assertThat(fx.people()).isEqualTo(people);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
        assertThat(fx.population(cell)).isEqualTo(1);
        assertThat(fx.population(other)).isZero();
        assertThat(admit(cell, "MALE", "SENTENCED").status()).as("the same category is welcome").isEqualTo(201);
    }

    @Test
    void receptionTakesAnyoneAndTheRulesApplyWhenTheyAreHoused() {
        long reception = db.sql("select id from location where facility_code = 'CECOT' and kind = 'RECEPTION'")
                .query(Long.class).single();
        assertThat(admit(reception, "FEMALE", "UNTRIED").status()).isEqualTo(201);
        assertThat(admit(reception, "MALE", "SENTENCED").status()).isEqualTo(201);
    }
}
