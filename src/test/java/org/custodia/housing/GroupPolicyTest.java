package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Command configures groups and rivalries; each change is in the national ledger and moves obey it at once. */
class GroupPolicyTest extends ServiceTest {

    String newGroup() {
        String code = "G-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Response r = api.post("/api/housing/groups", "direccion", Map.of("code", code,
                "name", "Pandilla de prueba «" + code + "», Señor de los Ángeles"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    long national(String type) {
        return db.sql("select count(*) from ledger_entry where chain = 'NACIONAL' and event_type = ?").param(type)
                .query(Long.class).single();
    }

    Api.Response rivalry(String a, String b, String level, String reason) {
        return api.post("/api/housing/rivalries", "direccion", Map.of("groupA", a, "groupB", b, "level", level,
                "reason", reason));
    }

    @Test
    void aNewRivalryIsObeyedByMovesAndEndedRivalriesNoLonger() {
        String group = newGroup();
        assertThat(api.post("/api/housing/groups", "direccion", Map.of("code", group, "name", "otra")).status())
                .isEqualTo(409);
        String pav = fx.newPavilion("CECOT");
        long tdaCell = fx.newCell("CECOT", 4, pav);
        long ownCell = fx.newCell("CECOT", 4, pav);
        long tda = fx.admit("CECOT", tdaCell, "UNTRIED");
        long member = fx.admit("CECOT", ownCell, "UNTRIED");
        long sharing = fx.admit("CECOT", tdaCell, "UNTRIED");
        fx.claim(tda, "TDA");
        fx.claim(member, group);
        fx.claim(sharing, group);

        long set = national("GROUP_RIVALRY_SET");
        Api.Response r = rivalry(group, "TDA", "CELL", "Informe de inteligencia IR-2026-51: amenazas de muerte");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode outcome = r.json();
        assertThat(outcome.get("previousLevel").asString()).isEqualTo("NONE");
        assertThat(outcome.get("rivalry").get("level").asString()).isEqualTo("CELL");
        assertThat(outcome.get("cellsHoldingBoth").asInt()).as("the cell they already share").isEqualTo(1);
        assertThat(outcome.get("pavilionsHoldingBoth").asInt()).isEqualTo(1);
        assertThat(national("GROUP_RIVALRY_SET")).isEqualTo(set + 1);
        assertThat(api.get("/api/housing/groups", "oficial").body()).contains(group);

        Map<String, Object> move = Map.of("personId", member, "toLocationId", tdaCell, "reason", "Solicitud");
        Api.Response refused = api.post("/api/moves", "oficial", move);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("RIVAL_GROUP");
        assertThat(rivalry("TDA", group, "CELL", "otra vez").status()).as("already so").isEqualTo(409);
        assertThat(rivalry("TDA", group, "PAVILION", "Escalada").json().get("previousLevel").asString())
                .isEqualTo("CELL");

        long ended = national("GROUP_RIVALRY_ENDED");
        Api.Response end = rivalry(group, "TDA", "NONE", "Acuerdo de convivencia verificado");
        assertThat(end.status()).as(end.body()).isEqualTo(200);
        assertThat(end.json().get("rivalry").isNull()).isTrue();
        assertThat(national("GROUP_RIVALRY_ENDED")).isEqualTo(ended + 1);
        assertThat(rivalry(group, "TDA", "NONE", "otra vez").status()).isEqualTo(409);
        assertThat(api.post("/api/moves", "oficial", move).status()).isEqualTo(200);
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        String group = newGroup();
        String before = api.get("/api/housing/groups", "oficial").body();
        long entries = fx.ledgerEntries();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("groupA", group, "groupB", group, "level", "CELL", "reason", "x"),
                Map.of("groupA", group, "groupB", "NOPE", "level", "CELL", "reason", "x"),
                Map.of("groupA", group, "groupB", "TDA", "level", "FACILITY", "reason", "x"),
                Map.of("groupA", group, "groupB", "TDA", "level", "CELL"),
                Map.of("groupA", group, "groupB", "TDA", "level", "CELL", "reason", " "))) {
            Api.Response r = api.post("/api/housing/rivalries", "direccion", bad);
            assertThat(r.status()).as(bad + " → " + r.body()).isEqualTo(400);
        }
        assertThat(api.post("/api/housing/groups", "direccion", Map.of("code", "minúsculas", "name", "x")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/housing/groups", "direccion", Map.of("code", "SIN-NOMBRE")).status())
                .isEqualTo(400);
        assertThat(api.get("/api/housing/groups", "oficial").body()).isEqualTo(before);
        assertThat(fx.ledgerEntries()).isEqualTo(entries);
    }
}
