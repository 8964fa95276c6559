package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A chain head (facility, sequence, hash) signed with the facility's Ed25519 key. Handed to inspectors and printed
 * in reports: a later export must still pass through it, so even a consistent rewrite of the chain is detected.
 */
public record Checkpoint(String chain, long seq, String hash, Instant issuedAt, String algorithm, String publicKey,
                         String signature) {

    public static final String ALGORITHM = "Ed25519";

    /** The exact text that is signed. */
    public static String signedText(String chain, long seq, String hash, Instant issuedAt) {
        return "custodia-checkpoint/v1\n" + chain + "\n" + seq + "\n" + hash + "\n" + issuedAt;
    }

    public boolean signatureValid() {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText(chain, seq, hash, issuedAt).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public ChainVerifier.CheckpointRef ref() {
        return new ChainVerifier.CheckpointRef(chain, seq, hash);
    }
}
