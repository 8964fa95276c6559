package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The MANDELA-7 file: items (a)-(g) tracked, corrections keep the earlier value, bad entries change nothing. */
class PersonFileTest extends ServiceTest {

    Api.Response add(String user, long id, String section, Object body) {
        return api.post("/api/people/" + id + "/file/" + section, user, body);
    }

    List<Boolean> items(long id) {
        JsonNode items = api.get("/api/people/" + id + "/file", "registro").json().get("completeness").get("items");
        return List.of("a", "b", "c", "d", "e", "f", "g").stream().map(k -> items.get(k).asBoolean()).toList();
    }

    /** {@code POST /api/people/{id}/file/{section}}: refusals, each leaving the ledger as it was. */
    @Nested
    class Refused {
        long id;
        long entries;

        @BeforeEach
        void admitted() {
            id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
            entries = fx.ledgerEntries();
        }

        @AfterEach
        void nothingChanged() {
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void withoutCredentials() {
            assertThat(add(null, id, "property", Map.of("content", Map.of("item", "x"))).status()).isEqualTo(401);
        }

        @Test
        void custodyStaffMayNotWriteTheFile() {
            assertThat(add("oficial", id, "property", Map.of("content", Map.of("item", "x"))).status())
                    .isEqualTo(403);
        }

        @Test
        void aPersonOutsideTheOfficialsFacilitiesIsNotFound() {
            String elsewhere = fx.account("registro-" + fx.otherFacility().toLowerCase(), "RECORDS",
                    fx.otherFacility());
            entries = fx.ledgerEntries(); // opening the account is on the national chain
            assertThat(add(elsewhere, id, "property", Map.of("content", Map.of("item", "x"))).status())
                    .isEqualTo(404);
        }

        @Test
        void aSingleSectionCannotBeDeclaredEmpty() {
            assertThat(add("registro", id, "identity", Map.of("noneDeclared", true)).status()).isEqualTo(400);
        }

        @Test
        void aRequiredFieldIsMissing() {
            assertThat(add("registro", id, "identity", Map.of("content", Map.of("language", "español"))).status())
                    .isEqualTo(400);
        }

        @Test
        void aFieldTheSectionDoesNotHave() {
            assertThat(add("registro", id, "property", Map.of("content", Map.of("item", "x", "price", 3))).status())
                    .isEqualTo(400);
        }

        @Test
        void aContactOfAnUnknownKind() {
            assertThat(add("registro", id, "contact", Map.of("content", Map.of("kind", "FRIEND", "name", "x",
                    "relationship", "y"))).status()).isEqualTo(400);
        }

        @Test
        void anUnknownSection() {
            assertThat(add("registro", id, "tattoos", Map.of("content", Map.of())).status()).isEqualTo(400);
        }

        @Test
        void correctingAnItemThatDoesNotExist() {
            assertThat(add("registro", id, "property", Map.of("itemKey", "nope", "content", Map.of("item", "x")))
                    .status()).isEqualTo(404);
        }
    }

    /** {@code POST /api/people/{id}/file/{section}} and {@code GET /api/people/{id}/file}: what is recorded. */
    @Nested
    class Recorded {
        @Test
        void theFileIsCompletedItemByItemAndCorrectionsKeepHistory() {
            long id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
            assertThat(items(id)).containsExactly(false, true, true, false, false, false, false);

            assertThat(add("registro", id, "identity", Map.of("content", Map.of("selfPerceivedGender", "masculino",
                    "language", "español", "photoRef", "FOTO-2026-1182"))).status()).isEqualTo(201);
            assertThat(add("salud", id, "observation", Map.of("content", Map.of("visibleInjuries",
                    "Hematoma en el antebrazo izquierdo", "illTreatmentComplaint", "Refiere golpes durante la captura",
                    "examinedBy", "Dra. Rivas"))).status()).isEqualTo(201);
            Api.Response watch = add("registro", id, "property", Map.of("content", Map.of("item", "Reloj Casio",
                    "condition", "bueno", "sealedBag", "B-5521")));
            assertThat(watch.status()).isEqualTo(201);
            Api.Response child = add("registro", id, "family", Map.of("content", Map.of("name", "Sofía Núñez",
                    "relationship", "hija", "age", 6, "child", true)));
            assertThat(child.status()).isEqualTo(400);
            assertThat(child.json().get("errors").has("caregiver")).isTrue();
            assertThat(add("registro", id, "family", Map.of("content", Map.of("name", "Sofía Núñez",
                    "relationship", "hija", "age", 6, "child", true, "whereabouts", "San Martín",
                    "caregiver", "abuela materna"))).status()).isEqualTo(201);
            assertThat(items(id)).containsExactly(true, true, true, true, true, true, false);
            add("registro", id, "contact", Map.of("content", Map.of("kind", "EMERGENCY", "name", "Marta Peña",
                    "relationship", "madre", "phone", "+503 7000-0000")));
            assertThat(items(id).get(6)).isFalse();
            add("registro", id, "contact", Map.of("content", Map.of("kind", "NEXT_OF_KIN", "name", "Marta Peña",
                    "relationship", "madre")));
            assertThat(items(id)).containsOnly(true);

            // a correction supersedes the item; the earlier version stays in the file and the ledger
            long corrections = fx.ledgerEntries("FILE_ENTRY_CORRECTED");
            String key = watch.json().get("itemKey").asString();
            Api.Response fixed = add("registro", id, "property", Map.of("itemKey", key, "content",
                    Map.of("item", "Reloj Casio (correa rota)", "condition", "regular", "sealedBag", "B-5521")));
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
            assertThat(fixed.json().get("supersedes").asLong()).isEqualTo(watch.json().get("id").asLong());
            JsonNode file = api.get("/api/people/" + id + "/file", "inspector").json();
            assertThat(file.get("current").values().stream().filter(e -> e.get("section").asString().equals("PROPERTY"))
                    .map(e -> e.get("content").get("item").asString())).containsExactly("Reloj Casio (correa rota)");
            assertThat(file.get("history").values().stream().map(e -> e.get("content").path("item").asString()))
                    .contains("Reloj Casio", "Reloj Casio (correa rota)");
            assertThat(fx.ledgerEntries("FILE_ENTRY_CORRECTED")).isEqualTo(corrections + 1);
            assertThatThrownBy(() -> db.sql("update record_entry set content = '{}'::jsonb where person_id = ?")
                    .param(id).update()).rootCause().hasMessageContaining("append-only");

            JsonNode facility = api.get("/api/facilities/CECOT/completeness", "direccion").json();
            long held = db.sql("select count(*) from booking where facility_code = 'CECOT' and released_at is null")
                    .query(Long.class).single();
            assertThat(facility.get("people").asLong()).isEqualTo(held);
            assertThat(facility.get("fullyComplete").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(facility.get("completeByItem").get("c").asLong()).isEqualTo(held);
            assertThat(api.get("/people/" + id, "registro").body()).contains("Reloj Casio (correa rota)")
                    .contains("Completo en 7 de 7");
        }

        @Test
        void theAdmissionObservationIsReadAndWrittenByDuty() {
            long id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
            Map<String, Object> observation = Map.of("content", Map.of("visibleInjuries", "Laceración en la ceja",
                    "illTreatmentComplaint", "Refiere patadas durante el traslado", "examinedBy", "Lic. Bonilla"));
            long entries = fx.ledgerEntries();
            // command does not write clinical observations; health staff do not write property
            assertThat(add("direccion", id, "observation", observation).status()).isEqualTo(403);
            assertThat(add("salud", id, "property", Map.of("content", Map.of("item", "Cinturón"))).status())
                    .isEqualTo(403);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
            assertThat(add("salud", id, "observation", observation).status()).isEqualTo(201);

            // custody and records staff learn that it is on record, not what it says
            for (String user : List.of("oficial", "registro")) {
                Api.Response file = api.get("/api/people/" + id + "/file", user);
                assertThat(file.body()).as(user).doesNotContain("patadas").contains("withheld");
                assertThat(api.get("/api/people/" + id + "/history", user).body()).as(user).doesNotContain("patadas");
                assertThat(api.get("/people/" + id, user).body()).as(user).doesNotContain("patadas");
            }
            for (String user : List.of("salud", "direccion", "inspector")) {
                assertThat(api.get("/api/people/" + id + "/file", user).body()).as(user).contains("patadas");
            }
            // each official is offered the sections of their duties only
            assertThat(api.get("/people/" + id, "salud").body()).contains("id=\"add-OBSERVATION\"")
                    .doesNotContain("id=\"add-PROPERTY\"");
            assertThat(api.get("/people/" + id, "direccion").body()).contains("id=\"add-PROPERTY\"")
                    .doesNotContain("id=\"add-OBSERVATION\"");
            // the ledger (exported to inspectors, shown as history) holds a hash of the observation, not its text
            String payload = db.sql("select (canonical::jsonb -> 'payload')::text from ledger_entry where person_id = ? "
                    + "and event_type = 'FILE_ENTRY_ADDED'").param(id).query(String.class).single();
            assertThat(payload).doesNotContain("patadas").contains("contentSha256");
        }

        @Test
        void recordsStaffMayRecordTheObservationWhereNoClinicianIsPresentAndItSaysSo() {
            long id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
            Api.Response r = add("registro", id, "observation", Map.of("content", Map.of("visibleInjuries", "ninguna",
                    "examinedBy", "Oficial de registro; sin personal clínico de turno")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode current = api.get("/api/people/" + id + "/file", "salud").json().get("current");
            assertThat(current.values().stream().filter(e -> e.get("section").asString().equals("OBSERVATION"))
                    .map(e -> e.get("content").get("recordedWithoutClinician").asBoolean())).containsExactly(true);
        }

        @Test
        void declaringThatThereIsNothingToRecordCompletesAListSection() {
            long id = fx.admit("CECOT", fx.newCell("CECOT", 3)).get("id").asLong();
            assertThat(items(id).get(4)).isFalse();
            assertThat(add("registro", id, "property", Map.of("noneDeclared", true, "content",
                    Map.of("note", "Ingresa sin pertenencias"))).status()).isEqualTo(201);
            assertThat(items(id).get(4)).isTrue();
        }
    }
}
