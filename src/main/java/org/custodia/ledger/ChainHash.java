package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How entries are chained: {@code hash = SHA-256(UTF-8(prevHash + "\n" + canonical))}, hex-encoded, where
 * {@code prevHash} is the hex hash of the previous entry of the same chain ({@link #GENESIS} for the first) and
 * {@code canonical} is the stored canonical text of the entry (which itself names its chain and sequence).
 * Changing, removing or reordering any entry changes every later hash.
 */
public final class ChainHash {
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;

    public ChainHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String next(String prevHash, String canonical) {
        digest.reset();
        digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }
}
