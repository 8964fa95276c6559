package org.custodia.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a ledger export (JSON Lines from {@code GET /api/ledger/export}) with no database and no running service:
 * {@code java -jar custodia.jar verify-ledger FILE [--public-key FILE]... [--checkpoint FILE]...}. Each checkpoint
 * file holds one checkpoint or a JSON array of them, as {@code POST /api/ledger/checkpoints} returns them. A
 * checkpoint counts only if it is signed by a public key the inspector pinned ({@code GET /api/ledger/keys}, kept
 * outside Custodia): a chain rewritten and re-signed with a fresh key is refused. Exit code 0 valid, 1 invalid,
 * 2 usage.
 */
public final class OfflineVerifier {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfflineVerifier() {
    }

    public static VerificationResult verify(BufferedReader export, List<Checkpoint> checkpoints) throws IOException {
        ChainVerifier verifier = new ChainVerifier(checkpoints.stream().map(Checkpoint::ref).toList());
        List<String> lines = new ArrayList<>(BATCH);
        long firstLine = 1;
        String line;
        long lineNo = 0;
        while ((line = export.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                lines.add(line);
            }
            if (lines.size() == BATCH) {
                verifier.acceptAll(parse(lines, firstLine));
                lines.clear();
                firstLine = lineNo + 1;
            }
        }
        verifier.acceptAll(parse(lines, firstLine));
        return verifier.result();
    }

    private static final int BATCH = 16_384;

    /** Lines parse independently, so a batch is parsed in parallel; order is kept. */
    private static List<ChainVerifier.Entry> parse(List<String> lines, long firstLine) {
        ChainVerifier.Entry[] out = new ChainVerifier.Entry[lines.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            try {
                out[i] = ExportLine.parse(lines.get(i));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("entry " + (firstLine + i) + " of the batch starting at line "
                        + firstLine + " is not a ledger entry: " + e.getMessage());
            }
        });
        return Arrays.asList(out);
    }

    public static List<Checkpoint> readCheckpoints(String json) {
        List<Checkpoint> out = new ArrayList<>();
        for (JsonNode m : items(json)) {
            JsonNode seq = m.get("seq");
            if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()) {
                throw new IllegalArgumentException("a checkpoint without a whole seq");
            }
            out.add(new Checkpoint(text(m, "chain"), seq.longValue(), text(m, "hash"),
                    Instant.parse(text(m, "issuedAt")), text(m, "algorithm"), text(m, "publicKey"),
                    text(m, "signature")));
        }
        return out;
    }

    /** One JSON object, or an array of them (Jackson: the verifier runs without Spring, not without libraries). */
    private static List<JsonNode> items(String json) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        if (parsed != null && parsed.isArray()) {
            parsed.values().forEach(items::add);
        } else {
            items.add(parsed);
        }
        for (JsonNode n : items) {
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("a JSON object, or an array of objects, is expected");
            }
        }
        return items;
    }

    /**
     * Public keys as pinned: the JSON of {@code GET /api/ledger/keys} (an array, or one object, with
     * {@code publicKey}), or one base64 key a line.
     */
    public static java.util.Set<String> readPublicKeys(String text) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        String t = text.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            for (JsonNode o : items(t)) {
                keys.add(text(o, "publicKey"));
            }
        } else {
            t.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(keys::add);
        }
        return keys;
    }

    /** The command line: prints a report and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 1) {
            out.println("usage: java -jar custodia.jar verify-ledger EXPORT.jsonl [--public-key FILE]... "
                    + "[--checkpoint FILE]...");
            return 2;
        }
        try {
            List<Checkpoint> checkpoints = new ArrayList<>();
            java.util.Set<String> pinned = new java.util.HashSet<>();
            for (int a = 1; a < args.length; a++) {
                boolean known = args[a].equals("--checkpoint") || args[a].equals("--public-key");
                if (!known || a + 1 >= args.length) {
                    out.println("unknown argument: " + args[a]);
                    return 2;
                }
                String content = Files.readString(Path.of(args[a + 1]));
                if (args[a].equals("--checkpoint")) {
                    checkpoints.addAll(readCheckpoints(content));
                } else {
                    pinned.addAll(readPublicKeys(content));
                }
                a++;
            }
            if (!checkpoints.isEmpty() && pinned.isEmpty()) {
                out.println("checkpoints are checked against the public keys you pinned: add --public-key FILE "
                        + "(from GET /api/ledger/keys, kept outside Custodia)");
                return 2;
            }
            for (Checkpoint c : checkpoints) {
                if (!pinned.contains(c.publicKey())) {
                    out.println("INVALID: checkpoint for chain " + c.chain() + " at " + c.seq()
                            + " is signed by a key you have not pinned");
                    return 1;
                }
                if (!c.signatureValid()) {
                    out.println("INVALID: checkpoint for chain " + c.chain() + " at " + c.seq()
                            + " has a bad signature");
                    return 1;
                }
            }
            VerificationResult r;
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                r = verify(in, checkpoints);
            }
            for (VerificationResult.ChainReport c : r.chains()) {
                out.printf("%-12s entries=%d head=%d %s%s%n", c.chain(), c.entries(), c.headSequence(),
                        c.valid() ? "valid" : "INVALID at " + c.firstInvalidSequence() + ": ",
                        c.valid() ? "" : c.problem());
            }
            out.printf("%s: %d entries, %d checkpoints checked%n", r.valid() ? "VALID" : "INVALID", r.entries(),
                    checkpoints.size());
            return r.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("INVALID: " + e.getMessage());
            return 1;
        }
    }

    private static String text(JsonNode m, String key) {
        JsonNode v = m.get(key);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v.asString();
    }
}
