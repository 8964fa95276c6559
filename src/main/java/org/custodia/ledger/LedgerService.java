package org.custodia.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody ledger's API. Only this module writes the ledger tables, and only through {@link #append}, which
 * must run inside the transaction of the change it records.
 */
@Service
public class LedgerService {
    private final LedgerWriter writer;
    private final JdbcTemplate streaming;
    private final JdbcClient client;
    private final SigningKeys keys;
    private final Clock clock;

    LedgerService(LedgerWriter writer, JdbcTemplate jdbc, JdbcClient client, SigningKeys keys, Clock clock) {
        this.writer = writer;
        // A template of its own: a large fetch size streams the ledger instead of loading it whole.
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(20_000);
        this.client = client;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(LedgerEvent event) {
        writer.append(List.of(event));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<LedgerEvent> events) {
        writer.append(events);
    }

    /**
     * Recomputes every chain from the stored bytes and checks heads, every checkpoint issued, and that each entry's
     * queryable columns say what its text says.
     */
    @Transactional(readOnly = true)
    public VerificationResult verify() {
        List<ChainVerifier.CheckpointRef> issued = client
                .sql("select chain, seq, hash from ledger_checkpoint")
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
        ChainVerifier verifier = new ChainVerifier(issued);
        streaming.query("""
                        select chain, seq, prev_hash, hash, canonical, event_type, person_id, actor, actor_roles,
                               occurred_at, recorded_at
                          from ledger_entry order by chain, seq""",
                rs -> {
                    verifier.accept(new ChainVerifier.Entry(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), new LedgerColumns(rs.getString(6),
                            rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant())));
                });
        streaming.query("select chain, seq, hash from ledger_head",
                rs -> {
                    verifier.expectHead(rs.getString(1), rs.getLong(2), rs.getString(3));
                });
        return verifier.result();
    }

    /**
     * Streams the chains the official sees as JSON Lines, one entry a line, in (chain, seq) order: their
     * facilities' chains, and the national chain only for national accounts.
     */
    @Transactional(readOnly = true)
    public void export(Official official, OutputStream out) {
        streaming.query(con -> {
            var ps = con.prepareStatement("select chain, seq, prev_hash, hash, canonical from ledger_entry "
                    + "where ? or chain = any(?) order by chain, seq");
            ps.setBoolean(1, official.national());
            ps.setArray(2, con.createArrayOf("text", official.facilityArray()));
            ps.setFetchSize(20_000);
            return ps;
        }, rs -> {
            String line = ExportLine.format(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5));
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Signs the current head of each chain the official sees (the national chain only for national accounts) and
     * records that the checkpoint was issued, with the key that signed it.
     */
    @Transactional
    public List<Checkpoint> issueCheckpoints(Official official) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Checkpoint> out = new ArrayList<>();
        client.sql("select chain, seq, hash from ledger_head where seq > 0 and (? or chain = any(?)) order by chain")
                .params(official.national(), official.facilityArray())
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list()
                .forEach(h -> {
                    Checkpoint c = keys.sign(h.chain(), h.seq(), h.hash(), now, official);
                    client.sql("insert into ledger_checkpoint (chain, seq, hash, issued_at, signature, public_key) "
                                    + "values (?, ?, ?, ?, ?, ?)")
                            .params(c.chain(), c.seq(), c.hash(), Timestamp.from(now), c.signature(), c.publicKey())
                            .update();
                    out.add(c);
                });
        return out;
    }

    /** A chain's public keys as inspectors pin them (legacy keys, once kept in the database, included). */
    @Transactional(readOnly = true)
    public List<SigningKeys.PublicKey> publicKeys() {
        return keys.keys();
    }

    /** Puts a new signing key in force for the chain; the change is an entry on that chain. */
    @Transactional
    public SigningKeys.PublicKey rotateKey(String chain, String reason, Official official) {
        if (!chain.equals(LedgerEvent.NATIONAL) && !official.sees(chain)) {
            throw new org.custodia.platform.NotFoundException("No chain " + chain);
        }
        return keys.rotate(chain, reason, official);
    }

    /** Checkpoints issued on the chains the official sees, newest first. */
    @Transactional(readOnly = true)
    public List<Checkpoint> issuedCheckpoints(Official official, int limit) {
        return client.sql("""
                        select c.chain, c.seq, c.hash, c.issued_at,
                               coalesce(c.public_key, translate(encode(k.public_key, 'base64'), E'\n', '')), c.signature
                          from ledger_checkpoint c left join ledger_signing_key k on k.chain = c.chain
                         where ? or c.chain = any(?)
                         order by c.id desc limit ?""")
                .params(official.national(), official.facilityArray(), limit)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), Checkpoint.ALGORITHM, rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A person's entries on the chains the official sees: stays elsewhere are not theirs to read. */
    @Transactional(readOnly = true)
    public List<LedgerRecord> historyOf(long personId, Official official) {
        return client.sql("""
                        select chain, seq, event_type, person_id, actor, actor_roles, occurred_at, recorded_at,
                               (canonical::jsonb -> 'payload')::text, hash
                          from ledger_entry where person_id = ? and (? or chain = any(?))
                         order by recorded_at, chain, seq""")
                .params(personId, official.national(), official.facilityArray())
                .query((rs, n) -> new LedgerRecord(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    /** Heads of the chains the official sees: a cheap status for dashboards. */
    @Transactional(readOnly = true)
    public List<ChainVerifier.CheckpointRef> heads(Official official) {
        return client.sql("select chain, seq, hash from ledger_head where ? or chain = any(?) order by chain")
                .params(official.national(), official.facilityArray())
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
    }
}
