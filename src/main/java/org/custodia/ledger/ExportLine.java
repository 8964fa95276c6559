package org.custodia.ledger;

/**
 * One line of a ledger export: {@code {"chain":"CECOT","seq":12,"prevHash":"…","hash":"…","entry":{…}}}, where
 * {@code entry} is the stored canonical text, byte for byte, as the last member. The line is valid JSON and readable,
 * and the verifier hashes exactly the bytes between {@code "entry":} and the closing brace: nothing is re-encoded.
 */
final class ExportLine {
    private static final String CHAIN = "{\"chain\":\"";
    private static final String SEQ = "\",\"seq\":";
    private static final String PREV = ",\"prevHash\":\"";
    private static final String HASH = "\",\"hash\":\"";
    private static final String ENTRY = "\",\"entry\":";

    private ExportLine() {
    }

    static String format(String chain, long seq, String prevHash, String hash, String canonical) {
        return CHAIN + chain + SEQ + seq + PREV + prevHash + HASH + hash + ENTRY + canonical + "}";
    }

    static ChainVerifier.Entry parse(String line) {
        int i = expect(line, 0, CHAIN);
        int q = line.indexOf('"', i);
        require(q > i, "chain");
        String chain = line.substring(i, q);
        i = expect(line, q, SEQ);
        int c = line.indexOf(',', i);
        require(c > i, "seq");
        long seq;
        try {
            seq = Long.parseLong(line, i, c, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad seq");
        }
        i = expect(line, c, PREV);
        require(line.length() > i + 64, "prevHash");
        String prev = line.substring(i, i + 64);
        i = expect(line, i + 64, HASH);
        require(line.length() > i + 64, "hash");
        String hash = line.substring(i, i + 64);
        i = expect(line, i + 64, ENTRY);
        require(line.endsWith("}") && line.length() - 1 > i, "entry");
        return new ChainVerifier.Entry(chain, seq, prev, hash, line.substring(i, line.length() - 1));
    }

    private static int expect(String line, int at, String token) {
        require(line.startsWith(token, at), "expected " + token);
        return at + token.length();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("not a ledger export line (" + what + ")");
        }
    }
}
