package org.custodia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custodia.ledger.CanonicalJson;
import org.custodia.ledger.ChainHash;
import org.custodia.ledger.ChainVerifier;
import org.custodia.ledger.OfflineVerifier;
import org.custodia.ledger.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ledger verification rate, in entries per second: the chain check over stored entries (what the service and the
 * offline verifier both run), and the offline verifier reading an export (JSON Lines parsing included).
 * Entries are shaped like the demo's: an admission with name, documents and commitment record (about 650 bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerVerifyBenchmark {
    static final int N = 100_000;

    String[] chain = new String[N];
    long[] seq = new long[N];
    String[] prev = new String[N];
    String[] hash = new String[N];
    String[] canonical = new String[N];
    String export;

    @Setup(Level.Trial)
    public void setUp() {
        ChainHash h = new ChainHash();
        String p = ChainHash.GENESIS;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < N; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("booking", "CECOT-2026-" + String.format("%07d", i));
            payload.put("givenNames", "José Ángel");
            payload.put("firstSurname", "Núñez");
            payload.put("secondSurname", "Peña");
            payload.put("aliases", List.of("El Güero"));
            payload.put("dateOfBirth", "1990-05-17");
            payload.put("sex", "MALE");
            payload.put("nationality", "SLV");
            payload.put("idDocument", "01234567-8");
            payload.put("legalStatus", "UNTRIED");
            payload.put("commitment", Map.of("authority", "Juzgado Especializado de Instrucción A, San Salvador",
                    "documentReference", "EXP-2025-" + i, "legalBasis",
                    "Detención provisional, Código Procesal Penal arts. 329-331"));
            payload.put("location", "M1-N1-C05");
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("actor", "registro");
            e.put("actorRoles", "RECORDS");
            e.put("chain", "CECOT");
            e.put("occurredAt", Instant.parse("2026-11-29T03:39:57.003886Z"));
            e.put("payload", payload);
            e.put("person", (long) i + 1);
            e.put("recordedAt", Instant.parse("2026-11-29T03:39:57.003886Z"));
            e.put("seq", (long) i + 1);
            e.put("type", "PERSON_ADMITTED");
            chain[i] = "CECOT";
            seq[i] = i + 1;
            prev[i] = p;
            canonical[i] = CanonicalJson.write(e);
            hash[i] = h.next(p, canonical[i]);
            p = hash[i];
            lines.append("{\"chain\":\"CECOT\",\"seq\":").append(i + 1).append(",\"prevHash\":\"").append(prev[i])
                    .append("\",\"hash\":\"").append(hash[i]).append("\",\"entry\":").append(canonical[i]).append("}\n");
        }
        export = lines.toString();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public VerificationResult verifyStoredEntries() {
        ChainVerifier v = new ChainVerifier(List.of());
        for (int i = 0; i < N; i++) {
            v.accept(chain[i], seq[i], prev[i], hash[i], canonical[i]);
        }
        VerificationResult r = v.result();
        if (!r.valid()) {
            throw new IllegalStateException("benchmark chain must be valid");
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public VerificationResult verifyExportOffline() throws IOException {
        VerificationResult r = OfflineVerifier.verify(new BufferedReader(new StringReader(export)), List.of());
        if (!r.valid()) {
            throw new IllegalStateException("benchmark export must be valid");
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
