package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One Ed25519 key in force per chain. The private key is held by {@link KeyCustody} (outside the database); the
 * database keeps the public keys ({@code ledger_key}, append-only). Activating or rotating a chain's key is an
 * entry on that chain, so the chain itself says which key signs its checkpoints from when.
 */
@Component
public class SigningKeys {
    /** A public key as inspectors pin it. {@code legacy}: kept in the database before keys moved out. */
    public record PublicKey(String chain, String keyId, String publicKey, Instant activatedAt, String activatedBy,
                     String reason, boolean legacy) {
    }

    private record Active(String keyId, String publicKey) {
    }

    private final JdbcClient client;
    private final KeyCustody custody;
    private final LedgerWriter writer;
    private final Clock clock;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient client, KeyCustody custody, LedgerWriter writer, Clock clock) {
        this.client = client;
        this.custody = custody;
        this.writer = writer;
        this.clock = clock;
    }

    /** Signs a chain head with the chain's key in force, activating a first key if the chain has none. */
    Checkpoint sign(String chain, long seq, String hash, Instant issuedAt, Official by) {
        Active k = active.computeIfAbsent(chain, c -> current(c).orElse(null));
        if (k == null) {
            k = activate(chain, "first checkpoint of this chain", by, null);
        }
        byte[] signature = custody.sign(k.keyId(),
                Checkpoint.signedText(chain, seq, hash, issuedAt).getBytes(StandardCharsets.UTF_8));
        return new Checkpoint(chain, seq, hash, issuedAt, Checkpoint.ALGORITHM, k.publicKey(),
                Base64.getEncoder().encodeToString(signature));
    }

    /** A new key for the chain (a key suspected to be exposed, or a scheduled change); the old one signs no more. */
    PublicKey rotate(String chain, String reason, Official by) {
        String why = org.custodia.platform.Reasons.require(reason);
        if (client.sql("select count(*) from ledger_head where chain = ?").param(chain).query(Long.class).single()
                == 0) {
            throw new NotFoundException("No chain " + chain);
        }
        Active previous = current(chain).orElse(null);
        activate(chain, why, by, previous);
        return keys().stream().filter(k -> k.chain().equals(chain)).findFirst().orElseThrow();
    }

    private Active activate(String chain, String reason, Official by, Active previous) {
        KeyCustody.NewKey key = custody.generate(chain);
        String publicKey = Base64.getEncoder().encodeToString(key.publicKey());
        Instant now = clock.instant();
        client.sql("""
                        insert into ledger_key (chain, key_id, public_key, activated_at, activated_by, reason)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(chain, key.keyId(), publicKey, Timestamp.from(now), by.username(), reason).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keyId", key.keyId());
        payload.put("publicKey", publicKey);
        payload.put("algorithm", Checkpoint.ALGORITHM);
        payload.put("previousKeyId", previous == null ? null : previous.keyId());
        payload.put("reason", reason);
        writer.append(List.of(new LedgerEvent(chain, null, previous == null ? "LEDGER_KEY_ACTIVATED"
                : "LEDGER_KEY_ROTATED", payload, Actor.of(by), now)));
        Active k = new Active(key.keyId(), publicKey);
        active.put(chain, k);
        return k;
    }

    private Optional<Active> current(String chain) {
        return client.sql("select key_id, public_key from ledger_key where chain = ? order by id desc limit 1")
                .param(chain).query((rs, n) -> new Active(rs.getString(1), rs.getString(2))).optional();
    }

    /** Every public key that has signed or signs checkpoints, newest first per chain. */
    List<PublicKey> keys() {
        return client.sql("""
                        select chain, key_id, public_key, activated_at, activated_by, reason, false, id
                          from ledger_key
                        union all
                        select chain, 'legacy-' || chain, translate(encode(public_key, 'base64'), E'\\n', ''),
                               created_at, 'sistema', 'kept in the database before keys moved out', true, 0
                          from ledger_signing_key
                         order by 1, 8 desc""")
                .query((rs, n) -> new PublicKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }
}
