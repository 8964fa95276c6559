package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ledger export, the access log, checkpoints and the dashboard show each official the chains of their scope. */
class LedgerScopeTest extends ServiceTest {

    /** Makes sure the national chain has an entry: command defines a group (once per test run). */
    @BeforeEach
    void nationalChainInUse() {
        api.post("/api/housing/groups", "direccion", java.util.Map.of("code", "G-NACIONAL", "name",
                "Grupo de prueba de la cadena nacional"));
        assertThat(db.sql("select count(*) from ledger_entry where chain = 'NACIONAL'").query(Long.class).single())
                .isPositive();
    }

    Set<String> chainsIn(String jsonl) {
        return Arrays.stream(jsonl.split("\n")).filter(l -> !l.isBlank())
                .map(l -> Api.JSON.readTree(l).get("chain").asString()).collect(Collectors.toSet());
    }

    @Nested
    class Export {
        @Test
        void theAdministratorReadsNoPersonDataThroughIt() {
            assertThat(api.get("/api/ledger/export", "admin").status()).isEqualTo(403);
            assertThat(api.get("/api/access-log", "admin").status()).isEqualTo(403);
        }

        @Test
        void aFacilityInspectorExportsTheirFacilitysChainOnly() {
            String inspector = fx.account("inspector-cecot", "INSPECTOR", "CECOT");
            Api.Response r = api.get("/api/ledger/export", inspector);
            assertThat(r.status()).isEqualTo(200);
            assertThat(chainsIn(r.body())).containsExactly("CECOT");
        }

        @Test
        void aNationalInspectorExportsEveryChainWithTheNationalOne() {
            Set<String> chains = chainsIn(api.get("/api/ledger/export", "inspector").body());
            assertThat(chains).contains("CECOT", "NACIONAL", fx.otherFacility());
        }
    }

    @Nested
    class AccessLogReads {
        @Test
        void aFacilityInspectorSeesReadsAboutTheirFacilityOnly() {
            long elsewhere = db.sql("select person_id from booking where facility_code = ? and released_at is null "
                    + "order by id limit 1").param(fx.otherFacility()).query(Long.class).single();
            long here = db.sql("select person_id from booking where facility_code = 'CECOT' and released_at is null "
                    + "order by id limit 1").query(Long.class).single();
            assertThat(api.get("/api/people/" + elsewhere, "direccion").status()).isEqualTo(200);
            assertThat(api.get("/api/people/" + here, "direccion").status()).isEqualTo(200);
            String inspector = fx.account("inspector-cecot", "INSPECTOR", "CECOT");
            Api.Response log = api.get("/api/access-log?limit=5000", inspector);
            assertThat(log.status()).isEqualTo(200);
            assertThat(log.json().values().stream().map(e -> e.get("facility").asString()))
                    .isNotEmpty().containsOnly("CECOT");
            assertThat(api.get("/api/access-log?subjectType=person&subjectId=" + elsewhere, "inspector").json()
                    .size()).isPositive();
        }
    }

    @Nested
    class Checkpoints {
        @Test
        void readingThemSignsAndRecordsNothing() {
            long before = db.sql("select count(*) from ledger_checkpoint").query(Long.class).single();
            assertThat(api.get("/api/ledger/checkpoints", "inspector").status()).isEqualTo(200);
            assertThat(db.sql("select count(*) from ledger_checkpoint").query(Long.class).single()).isEqualTo(before);
        }

        @Test
        void issuingThemIsAPostThatSignsEachHead() {
            long before = db.sql("select count(*) from ledger_checkpoint").query(Long.class).single();
            long chains = db.sql("select count(*) from ledger_head where seq > 0").query(Long.class).single();
            Api.Response r = api.post("/api/ledger/checkpoints", "inspector", "");
            assertThat(r.status()).isEqualTo(201);
            assertThat(db.sql("select count(*) from ledger_checkpoint").query(Long.class).single())
                    .isEqualTo(before + chains);
            // and they are listed afterwards, signed, with their key
            assertThat(OfflineVerifier.readCheckpoints(api.get("/api/ledger/checkpoints", "inspector").body()))
                    .isNotEmpty().allMatch(Checkpoint::signatureValid);
        }
    }

    @Nested
    class Dashboard {
        @Test
        void aScopedOfficialSeesTheHeadsOfTheirChainsOnly() {
            String page = api.get("/", "oficial").body();
            assertThat(page).contains("CECOT").doesNotContain("NACIONAL").doesNotContain(fx.otherFacility());
            assertThat(api.get("/", "direccion").body()).contains("NACIONAL");
        }
    }
}
