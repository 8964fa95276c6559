package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signing keys live outside the database; a chain's key in force and each rotation are on that chain. */
class SigningKeyTest extends ServiceTest {

    String keyInForce(String chain) {
        return db.sql("select key_id from ledger_key where chain = ? order by id desc limit 1").param(chain)
                .query(String.class).single();
    }

    @Nested
    class Custody {
        @Test
        void theDatabaseHoldsNoPrivateKeyAndTheKeyFileIsTheOwnersOnly() throws Exception {
            assertThat(api.post("/api/ledger/checkpoints", "inspector", "").status()).isEqualTo(201);
            assertThat(db.sql("select count(*) from ledger_signing_key where private_key is not null")
                    .query(Long.class).single()).isZero();
            Path file = Path.of("target", "test-data", "ledger-keys", keyInForce("CECOT") + ".pem");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(db.sql("select count(*) from ledger_entry where chain = 'CECOT' "
                    + "and event_type in ('LEDGER_KEY_ACTIVATED', 'LEDGER_KEY_ROTATED')").query(Long.class).single())
                    .isPositive();
        }
    }

    @Nested
    class Rotation {
        @Test
        void aNewKeySignsFromThenOnAndTheChainSaysSo() {
            assertThat(api.post("/api/ledger/checkpoints", "inspector", "").status()).isEqualTo(201);
            String before = keyInForce("CECOT");
            long rotations = fx.ledgerEntries("LEDGER_KEY_ROTATED");
            Api.Response r = api.post("/api/ledger/keys/rotate", "admin", Map.of("chain", "CECOT",
                    "reason", "Rotación anual de claves"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String after = keyInForce("CECOT");
            assertThat(after).isNotEqualTo(before);
            assertThat(fx.ledgerEntries("LEDGER_KEY_ROTATED")).isEqualTo(rotations + 1);
            assertThat(db.sql("select (canonical::jsonb -> 'payload')->>'previousKeyId' from ledger_entry where event_type = "
                    + "'LEDGER_KEY_ROTATED' order by recorded_at desc, seq desc limit 1").query(String.class).single())
                    .isEqualTo(before);

            List<Checkpoint> issued = OfflineVerifier.readCheckpoints(
                    api.post("/api/ledger/checkpoints", "inspector", "").body());
            Checkpoint cecot = issued.stream().filter(c -> c.chain().equals("CECOT")).findFirst().orElseThrow();
            JsonNode keys = api.get("/api/ledger/keys", "inspector").json();
            String pinned = keys.values().stream().filter(k -> k.get("keyId").asString().equals(after))
                    .findFirst().orElseThrow().get("publicKey").asString();
            assertThat(cecot.publicKey()).isEqualTo(pinned);
            assertThat(cecot.signatureValid()).isTrue();
        }

        @Test
        void badRequestsAreRefusedAndChangeNothing() {
            long entries = fx.ledgerEntries();
            assertThat(api.post("/api/ledger/keys/rotate", "admin", Map.of("chain", "CECOT")).status())
                    .isEqualTo(400);
            assertThat(api.post("/api/ledger/keys/rotate", "admin", Map.of("chain", "NOPE", "reason", "x"))
                    .status()).isEqualTo(404);
            assertThat(api.post("/api/ledger/keys/rotate", "oficial", Map.of("chain", "CECOT", "reason", "x"))
                    .status()).isEqualTo(403);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }
    }
}
