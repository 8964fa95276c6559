package org.custodia.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodia.platform.SecretFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default key custody: each private key is a PKCS#8 PEM file {@code <data-dir>/ledger-keys/<keyId>.pem}, mode
 * 600, in a directory of mode 700. Whoever administers the database cannot read them; back the directory up with
 * the same care as the data (a lost key cannot sign again, though what it signed still verifies).
 */
@Component
class FileKeyCustody implements KeyCustody {
    private final Path dir;
    private final Map<String, PrivateKey> loaded = new ConcurrentHashMap<>();

    FileKeyCustody(@Value("${custodia.data-dir:./data}") Path dataDir) {
        this.dir = dataDir.toAbsolutePath().normalize().resolve("ledger-keys");
    }

    @Override
    public NewKey generate(String chain) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
            byte[] pub = pair.getPublic().getEncoded();
            String keyId = keyId(pub);
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            SecretFiles.writeOwnerOnly(dir.resolve(keyId + ".pem"), pem);
            loaded.put(keyId, pair.getPrivate());
            return new NewKey(keyId, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] sign(String keyId, byte[] data) {
        try {
            Signature s = Signature.getInstance(Checkpoint.ALGORITHM);
            s.initSign(loaded.computeIfAbsent(keyId, this::read));
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private PrivateKey read(String keyId) {
        if (!keyId.matches("k-[0-9a-f]{16}")) {
            throw new IllegalArgumentException("not a key reference: " + keyId);
        }
        Path file = dir.resolve(keyId + ".pem");
        try {
            String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance(Checkpoint.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new IllegalStateException("The signing key " + keyId + " is not in " + dir
                    + ": restore it from the backup, or rotate the chain's key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's reference: the start of the SHA-256 of its public key, so it names that key and no other. */
    static String keyId(byte[] publicKey) {
        return "k-" + org.custodia.platform.Sha256.hex(publicKey).substring(0, 16);
    }
}
