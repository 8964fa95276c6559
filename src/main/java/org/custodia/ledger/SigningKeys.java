package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One Ed25519 key per chain, made on first use. The keys live in the database here; a production deployment
 * should keep them in a key store the database administrator cannot read (see docs/architecture.md).
 */
@Component
class SigningKeys {
    private record Keys(PrivateKey privateKey, String publicKey) {
    }

    private final JdbcClient client;
    private final Map<String, Keys> cache = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient client) {
        this.client = client;
    }

    Checkpoint sign(String chain, long seq, String hash, Instant issuedAt) {
        Keys k = cache.computeIfAbsent(chain, this::load);
        try {
            Signature s = Signature.getInstance(Checkpoint.ALGORITHM);
            s.initSign(k.privateKey());
            s.update(Checkpoint.signedText(chain, seq, hash, issuedAt).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(chain, seq, hash, issuedAt, Checkpoint.ALGORITHM, k.publicKey(),
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Keys load(String chain) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
            client.sql("insert into ledger_signing_key (chain, public_key, private_key) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(chain, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded())
                    .update();
            Map<String, Object> row = client.sql("select public_key, private_key from ledger_signing_key where chain = ?")
                    .param(chain).query().singleRow();
            PrivateKey priv = KeyFactory.getInstance(Checkpoint.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec((byte[]) row.get("private_key")));
            return new Keys(priv, Base64.getEncoder().encodeToString((byte[]) row.get("public_key")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
