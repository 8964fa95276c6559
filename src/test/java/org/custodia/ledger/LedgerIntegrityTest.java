package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.custodia.support.Superuser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The ledger is append-only, and any change to it, even a consistent rewrite, is found. */
class LedgerIntegrityTest extends ServiceTest {
    @Autowired
    javax.sql.DataSource dataSource;


    /** Even the owning role is refused by the triggers (the application role has no such privileges at all). */
    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        JdbcClient owner = Superuser.owner(dataSource);
        assertThatThrownBy(() -> owner.sql("update ledger_entry set canonical = canonical where seq = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from ledger_entry where seq = 1").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate ledger_entry").update()).rootCause()
                .hasMessageContaining("append-only");
    }

    /**
     * The queryable columns are an index over the hashed text: one that says something else (written wrongly, or
     * changed by a superuser) makes verification fail at that entry, and only there.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "event_type  | 'PERSON_RELEASED'",
            "person_id   | person_id + 1",
            "actor       | 'someone-else'",
            "actor_roles | 'COMMAND'",
            "occurred_at | occurred_at - interval '1 day'",
            "recorded_at | recorded_at + interval '1 microsecond'"})
    void aColumnThatDisagreesWithItsTextMakesTheChainInvalidThere(String column, String value) {
        long seq = db.sql("""
                        select seq from ledger_entry
                         where chain = 'CECOT' and event_type = 'CUSTODY_TAKEN_ON' order by seq offset 50 limit 1""")
                .query(Long.class).single();
        JdbcClient superuser = Superuser.of(dataSource);
        Map<String, Object> before = superuser.sql("select * from ledger_entry where chain = 'CECOT' and seq = ?")
                .param(seq).query().singleRow();
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
        try {
            changeAsSuperuser("update ledger_entry set " + column + " = " + value + " where chain = 'CECOT' and seq = "
                    + seq);
            JsonNode after = api.get("/api/ledger/verify", "inspector").json();
            assertThat(after.get("valid").asBoolean()).isFalse();
            assertThat(after.get("firstInvalidChain").asString()).isEqualTo("CECOT");
            assertThat(after.get("firstInvalidSequence").asLong()).isEqualTo(seq);
            assertThat(after.toString()).contains("queryable columns do not match the stored entry");
        } finally {
            changeAsSuperuser("update ledger_entry set " + column + " = ? where chain = 'CECOT' and seq = ?",
                    before.get(column), seq);
        }
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
    }

    /** As a superuser who switches the append-only trigger off: the only way to change the table. */
    private void changeAsSuperuser(String update, Object... params) {
        JdbcClient superuser = Superuser.of(dataSource);
        superuser.sql("alter table ledger_entry disable trigger ledger_entry_append_only").update();
        try {
            superuser.sql(update).params(params).update();
        } finally {
            superuser.sql("alter table ledger_entry enable trigger ledger_entry_append_only").update();
        }
    }

    @Test
    void verifyReportsExactlyTheAlteredEntry() {
        JsonNode before = api.get("/api/ledger/verify", "inspector").json();
        assertThat(before.get("valid").asBoolean()).isTrue();
        assertThat(before.get("entries").asLong()).isGreaterThan(1000);

        Map<String, Object> victim = db.sql("""
                        select chain, seq, canonical from ledger_entry
                         where chain = 'CECOT' and event_type = 'CUSTODY_TAKEN_ON' order by seq offset 100 limit 1""")
                .query().singleRow();
        String original = (String) victim.get("canonical");
        String altered = original.replaceFirst("\"legalStatus\":\"[A-Z_]+\"", "\"legalStatus\":\"SENTENCED\"")
                .replaceFirst("\"givenNames\":\"[^\"]*\"", "\"givenNames\":\"Otro Nombre\"");
        assertThat(altered).isNotEqualTo(original);
        long seq = ((Number) victim.get("seq")).longValue();
        try {
            tamper(seq, altered);
            JsonNode after = api.get("/api/ledger/verify", "inspector").json();
            assertThat(after.get("valid").asBoolean()).isFalse();
            assertThat(after.get("firstInvalidChain").asString()).isEqualTo("CECOT");
            assertThat(after.get("firstInvalidSequence").asLong()).isEqualTo(seq);
        } finally {
            tamper(seq, original);
        }
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
    }

    private void tamper(long seq, String canonical) {
        changeAsSuperuser("update ledger_entry set canonical = ? where chain = 'CECOT' and seq = ?", canonical, seq);
    }

    @Test
    void anExportVerifiesOfflineAndAConsistentRewriteFailsAgainstACheckpoint(@TempDir Path dir) throws Exception {
        Api.Response checkpoints = api.post("/api/ledger/checkpoints", "inspector", "");
        assertThat(checkpoints.status()).isEqualTo(201);
        List<Checkpoint> cps = OfflineVerifier.readCheckpoints(checkpoints.body());
        assertThat(cps).isNotEmpty().allMatch(Checkpoint::signatureValid);

        Api.Response export = api.get("/api/ledger/export", "inspector");
        assertThat(export.status()).isEqualTo(200);
        Path exportFile = dir.resolve("ledger.jsonl");
        Files.writeString(exportFile, export.body());
        Path cpFile = dir.resolve("checkpoints.json");
        Files.writeString(cpFile, checkpoints.body());
        // the inspector pins the public keys (kept outside Custodia)
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, api.get("/api/ledger/keys", "inspector").body());

        VerificationResult ok = OfflineVerifier.verify(new BufferedReader(new StringReader(export.body())), cps);
        assertThat(ok.valid()).isTrue();
        assertThat(OfflineVerifier.run(new String[] {exportFile.toString(), "--public-key", keys.toString(),
                "--checkpoint", cpFile.toString()}, System.out)).isZero();
        assertThat(OfflineVerifier.run(new String[] {exportFile.toString(), "--checkpoint", cpFile.toString()},
                System.out)).as("checkpoints without pinned keys").isEqualTo(2);

        // Rewrite CECOT's entry 10 and re-hash everything after it: the export is self-consistent again...
        String rewritten = rewrite(export.body(), "CECOT", 10);
        assertThat(OfflineVerifier.verify(new BufferedReader(new StringReader(rewritten)), List.of()).valid())
                .isTrue();
        // ...but no longer passes through the signed checkpoint.
        VerificationResult bad = OfflineVerifier.verify(new BufferedReader(new StringReader(rewritten)), cps);
        assertThat(bad.valid()).isFalse();
        assertThat(bad.firstInvalidChain()).isEqualTo("CECOT");
        Path badFile = dir.resolve("rewritten.jsonl");
        Files.writeString(badFile, rewritten);
        assertThat(OfflineVerifier.run(new String[] {badFile.toString(), "--public-key", keys.toString(),
                "--checkpoint", cpFile.toString()}, System.out)).isEqualTo(1);

        // The forger re-signs the rewritten head with a fresh key: the checkpoint verifies by itself, but the key
        // is not one the inspector pinned.
        String forgedHead = Arrays.stream(rewritten.split("\n")).map(ExportLine::parse)
                .filter(e -> e.chain().equals("CECOT")).reduce((a, b) -> b).orElseThrow().hash();
        long forgedSeq = Arrays.stream(rewritten.split("\n")).map(ExportLine::parse)
                .filter(e -> e.chain().equals("CECOT")).count();
        KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(fresh.getPrivate());
        signer.update(Checkpoint.signedText("CECOT", forgedSeq, forgedHead, at).getBytes(StandardCharsets.UTF_8));
        Checkpoint resigned = new Checkpoint("CECOT", forgedSeq, forgedHead, at, "Ed25519",
                Base64.getEncoder().encodeToString(fresh.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(signer.sign()));
        assertThat(resigned.signatureValid()).isTrue();
        Path resignedFile = dir.resolve("resigned.json");
        Files.writeString(resignedFile, "[{\"chain\":\"CECOT\",\"seq\":" + forgedSeq + ",\"hash\":\"" + forgedHead
                + "\",\"issuedAt\":\"" + at + "\",\"algorithm\":\"Ed25519\",\"publicKey\":\"" + resigned.publicKey()
                + "\",\"signature\":\"" + resigned.signature() + "\"}]");
        assertThat(OfflineVerifier.run(new String[] {badFile.toString(), "--public-key", keys.toString(),
                "--checkpoint", resignedFile.toString()}, System.out)).isEqualTo(1);

        // A forged checkpoint (signature of another head) is refused.
        Checkpoint c = cps.getFirst();
        Checkpoint forged = new Checkpoint(c.chain(), c.seq(), "f".repeat(64), c.issuedAt(), c.algorithm(),
                c.publicKey(), c.signature());
        assertThat(forged.signatureValid()).isFalse();
    }

    /** Changes one entry's text and recomputes every later hash of that chain, as a thorough forger would. */
    static String rewrite(String export, String chain, long seq) {
        List<String> out = new ArrayList<>();
        ChainHash hasher = new ChainHash();
        String prev = null;
        for (String line : export.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            ChainVerifier.Entry e = ExportLine.parse(line);
            if (!e.chain().equals(chain)) {
                out.add(line);
                continue;
            }
            String entry = e.canonical();
            String hash = e.hash();
            String prevHash = e.prevHash();
            if (e.seq() == seq) {
                entry = entry.replace("\"actor\":\"sistema\"", "\"actor\":\"nadie\"");
            }
            if (e.seq() >= seq) {
                prevHash = prev;
                hash = hasher.next(prev, entry);
            }
            prev = hash;
            out.add(ExportLine.format(chain, e.seq(), prevHash, hash, entry));
        }
        return String.join("\n", out) + "\n";
    }
}
