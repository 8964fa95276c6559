package org.custodia.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Recomputes the hash chains from stored bytes, entry by entry, in (chain, seq) order. The same code checks the
 * database and an exported file, so the inspector's offline check and the service's own check cannot disagree.
 * Not thread-safe: one instance per verification; it uses the common fork-join pool to hash.
 */
public final class ChainVerifier {
    private static final int BATCH = 16_384;
    private static final ThreadLocal<ChainHash> HASHER = ThreadLocal.withInitial(ChainHash::new);
    private final List<Entry> pending = new ArrayList<>(BATCH);
    private final Map<String, State> chains = new TreeMap<>();
    private final Map<String, Map<Long, String>> checkpoints = new HashMap<>();
    private long entries;
    private State current;

    public ChainVerifier(Collection<CheckpointRef> expected) {
        for (CheckpointRef c : expected) {
            checkpoints.computeIfAbsent(c.chain(), k -> new HashMap<>()).put(c.seq(), c.hash());
        }
    }

    /** A point (chain, seq, hash) the chain must still pass through, e.g. from a signed checkpoint. */
    public record CheckpointRef(String chain, long seq, String hash) {
    }

    /**
     * One stored entry as read from the database (with its queryable columns) or an export (without: {@code columns}
     * null).
     */
    public record Entry(String chain, long seq, String prevHash, String hash, String canonical,
                        LedgerColumns columns) {
        public Entry(String chain, long seq, String prevHash, String hash, String canonical) {
            this(chain, seq, prevHash, hash, canonical, null);
        }
    }

    public void accept(String chain, long seq, String prevHash, String hash, String canonical) {
        accept(new Entry(chain, seq, prevHash, hash, canonical));
    }

    public void accept(Entry entry) {
        pending.add(entry);
        if (pending.size() >= BATCH) {
            drain();
        }
    }

    public void acceptAll(List<Entry> entries) {
        drain();
        check(entries);
    }

    private void drain() {
        check(pending);
        pending.clear();
    }

    /**
     * Hashes are recomputed in parallel (each entry's hash depends only on its own stored bytes and stored previous
     * hash); the links between entries, sequences and checkpoints are then checked in order.
     */
    private void check(List<Entry> entries) {
        int n = entries.size();
        byte[] fault = new byte[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Entry e = entries.get(i);
            if (!e.hash().equals(HASHER.get().next(e.prevHash(), e.canonical()))) {
                fault[i] = 1;
            } else if (!describes(e.canonical(), e.chain(), e.seq())) {
                fault[i] = 2;
            } else if (e.columns() != null && !e.columns().describe(e.canonical(), e.chain(), e.seq())) {
                fault[i] = 3;
            }
        });
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            entries(e, fault[i]);
        }
    }

    private void entries(Entry e, byte hashFault) {
        String chain = e.chain();
        long seq = e.seq();
        entries++;
        if (current == null || !current.chain.equals(chain)) {
            current = chains.computeIfAbsent(chain, State::new);
        }
        State s = current;
        s.entries++;
        if (s.problem == null) {
            String fault = null;
            if (seq != s.lastSeq + 1) {
                fault = "sequence " + seq + " follows " + s.lastSeq;
            } else if (!e.prevHash().equals(s.lastHash)) {
                fault = "previous hash does not match the hash of entry " + s.lastSeq;
            } else if (hashFault == 1) {
                fault = "hash does not match the stored entry";
            } else if (hashFault == 2) {
                fault = "stored entry does not name this chain and sequence";
            } else if (hashFault == 3) {
                fault = "queryable columns do not match the stored entry";
            } else {
                Map<Long, String> cps = checkpoints.get(chain);
                String expected = cps == null ? null : cps.get(seq);
                if (expected != null && !expected.equals(e.hash())) {
                    fault = "chain does not pass through the checkpoint at sequence " + seq;
                }
            }
            if (fault != null) {
                s.problem = fault;
                s.firstInvalid = seq;
            }
        }
        s.lastSeq = seq;
        s.lastHash = e.hash();
    }

    /** The stored head must be the last entry; entries removed from the end are caught here. */
    public void expectHead(String chain, long seq, String hash) {
        drain();
        State s = chains.computeIfAbsent(chain, State::new);
        if (s.problem == null && (s.lastSeq != seq || !s.lastHash.equals(hash))) {
            s.problem = "chain head is at sequence " + seq + " but entries end at " + s.lastSeq;
            s.firstInvalid = s.lastSeq + 1;
        }
    }

    public VerificationResult result() {
        drain();
        checkpoints.forEach((chain, cps) -> {
            State s = chains.computeIfAbsent(chain, State::new);
            cps.keySet().stream().filter(seq -> seq > s.lastSeq).min(Long::compare).ifPresent(seq -> {
                if (s.problem == null) {
                    s.problem = "chain ends at " + s.lastSeq + " before the checkpoint at sequence " + seq;
                    s.firstInvalid = s.lastSeq + 1;
                }
            });
        });
        List<VerificationResult.ChainReport> reports = new ArrayList<>();
        String firstChain = null;
        Long firstSeq = null;
        for (State s : chains.values()) {
            reports.add(new VerificationResult.ChainReport(s.chain, s.entries, s.lastSeq, s.lastHash,
                    s.problem == null, s.firstInvalid, s.problem));
            if (s.problem != null && firstChain == null) {
                firstChain = s.chain;
                firstSeq = s.firstInvalid;
            }
        }
        return new VerificationResult(entries, firstChain == null, firstChain, firstSeq, List.copyOf(reports));
    }

    private static boolean describes(String canonical, String chain, long seq) {
        // Keys are sorted: ... "chain", "occurredAt", ... "seq", "type"; payload strings come before "seq".
        int at = canonical.lastIndexOf(",\"seq\":");
        if (at < 0) {
            return false;
        }
        int start = at + 7;
        int end = canonical.indexOf(',', start);
        if (end < 0 || !canonical.regionMatches(start, Long.toString(seq), 0, end - start)
                || end - start != Long.toString(seq).length()) {
            return false;
        }
        StringBuilder sb = new StringBuilder(chain.length() + 24).append(",\"chain\":");
        CanonicalJson.string(sb, chain);
        return canonical.contains(sb.append(",\"occurredAt\":"));
    }

    private static final class State {
        final String chain;
        long entries;
        long lastSeq;
        String lastHash = ChainHash.GENESIS;
        String problem;
        Long firstInvalid;

        State(String chain) {
            this.chain = chain;
        }
    }
}
