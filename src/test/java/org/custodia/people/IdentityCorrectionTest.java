package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A corrected identity keeps the earlier version on file and in the ledger; search follows the correction. */
class IdentityCorrectionTest extends ServiceTest {
    long id;
    long entries;

    @BeforeEach
    void someoneAdmitted() {
        id = fx.admit("CECOT", fx.newCell("CECOT", 2)).get("id").asLong();
        entries = fx.ledgerEntries();
    }

    static Map<String, Object> correction(String first, String reason) {
        Map<String, Object> c = new HashMap<>();
        c.put("givenNames", "José Ángel");
        c.put("firstSurname", first);
        c.put("secondSurname", "Peña");
        c.put("aliases", List.of("El Chele", "Toño"));
        c.put("dateOfBirth", "1990-05-17");
        c.put("sex", "MALE");
        c.put("nationality", "SLV");
        c.put("idDocument", "01234567-8");
        c.put("reason", reason);
        return c;
    }

    /** POST /api/people/{id}/identity */
    @Nested
    class Identity {
        void unchanged() {
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
            assertThat(api.get("/api/people/" + id, "registro").json().get("firstSurname").asString())
                    .isEqualTo("Núñez");
        }

        @Test
        void wrongRoleIsRefusedAndChangesNothing() {
            assertThat(api.post("/api/people/" + id + "/identity", "oficial", correction("Ordóñez", "typo")).status())
                    .isEqualTo(403);
            unchanged();
        }

        @Test
        void aBlankReasonIsRefusedAndChangesNothing() {
            assertThat(api.post("/api/people/" + id + "/identity", "registro", correction("Ordóñez", " ")).status())
                    .isEqualTo(400);
            unchanged();
        }

        @Test
        void markupInANameIsRefusedAndChangesNothing() {
            assertThat(api.post("/api/people/" + id + "/identity", "registro", correction("<i>x</i>", "typo"))
                    .status()).isEqualTo(400);
            unchanged();
        }

        @Test
        void aCorrectionKeepsTheEarlierVersion() {
            Api.Response r = api.post("/api/people/" + id + "/identity", "registro",
                    correction("Ordóñez", "El DUI presentado muestra el primer apellido Ordóñez"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("fullName").asString()).isEqualTo("José Ángel Ordóñez Peña");
            JsonNode earlier = api.get("/api/people/" + id + "/identity/earlier", "inspector").json();
            assertThat(earlier.size()).isEqualTo(1);
            assertThat(earlier.get(0).get("firstSurname").asString()).isEqualTo("Núñez");
            assertThat(earlier.get(0).get("replacedBy").asString()).isEqualTo("registro");
            assertThat(fx.ledgerEntries("IDENTITY_CORRECTED")).isPositive();
            assertThat(fx.ledgerEntries()).isEqualTo(entries + 1);
            assertThat(api.get("/people/" + id, "registro").body()).contains("Núñez").contains("Ordóñez");
        }

        @Test
        void searchFindsTheCorrectedName() {
            assertThat(api.post("/api/people/" + id + "/identity", "registro",
                    correction("Ordóñez", "El DUI presentado muestra el primer apellido Ordóñez")).status())
                    .isEqualTo(200);
            List<Long> found = api.get("/api/people/search?q=jose%20angel%20ordonez%20pena", "registro")
                    .json().values().stream().map(n -> n.get("personId").asLong()).toList();
            assertThat(found).contains(id);
        }
    }

    /** POST /api/people/{id}/commitment */
    @Nested
    class Commitment {
        final Map<String, Object> commitment = Map.of(
                "authority", "Juzgado Especializado de Instrucción B, San Salvador",
                "documentReference", "EXP-2026-0099", "legalBasis", "Código Procesal Penal art. 329",
                "arrestedAt", "2026-11-20T14:30:00Z", "arrestPlace", "Soyapango, San Salvador");

        @Test
        void withoutAReasonItIsRefusedAndChangesNothing() {
            assertThat(api.post("/api/people/" + id + "/commitment", "registro", Map.of("commitment", commitment))
                    .status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void anIncompleteRecordIsRefusedAndChangesNothing() {
            Map<String, Object> bad = new HashMap<>(commitment);
            bad.remove("arrestPlace");
            assertThat(api.post("/api/people/" + id + "/commitment", "registro", Map.of("commitment", bad,
                    "reason", "x")).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }

        @Test
        void aCorrectionKeepsTheEarlierRecordInTheHistory() {
            Api.Response r = api.post("/api/people/" + id + "/commitment", "registro", Map.of("commitment",
                    commitment, "reason", "El juzgado emisor es el B, según el oficio original"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("current").get("commitmentAuthority").asString()).endsWith("B, San Salvador");
            JsonNode history = api.get("/api/people/" + id + "/history", "inspector").json();
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("type").asString()).isEqualTo("COMMITMENT_CORRECTED");
            assertThat(last.get("payload").asString()).contains("Instrucción A").contains("Instrucción B");
        }
    }
}
