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

    /** Recomputes every chain from the stored bytes and checks heads and every checkpoint issued. */
    @Transactional(readOnly = true)
    public VerificationResult verify() {
        List<ChainVerifier.CheckpointRef> issued = client
                .sql("select chain, seq, hash from ledger_checkpoint")
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
        ChainVerifier verifier = new ChainVerifier(issued);
        streaming.query("select chain, seq, prev_hash, hash, canonical from ledger_entry order by chain, seq",
                rs -> {
                    verifier.accept(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                });
        streaming.query("select chain, seq, hash from ledger_head",
                rs -> {
                    verifier.expectHead(rs.getString(1), rs.getLong(2), rs.getString(3));
                });
        return verifier.result();
    }

    /** Streams the whole ledger as JSON Lines, one entry a line, in (chain, seq) order. */
    @Transactional(readOnly = true)
    public void export(OutputStream out) {
        streaming.query("select chain, seq, prev_hash, hash, canonical from ledger_entry order by chain, seq", rs -> {
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

    /** Signs each chain's current head and records that the checkpoint was issued. */
    @Transactional
    public List<Checkpoint> checkpoints() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Checkpoint> out = new ArrayList<>();
        client.sql("select chain, seq, hash from ledger_head where seq > 0 order by chain")
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list()
                .forEach(h -> {
                    Checkpoint c = keys.sign(h.chain(), h.seq(), h.hash(), now);
                    client.sql("insert into ledger_checkpoint (chain, seq, hash, issued_at, signature) "
                                    + "values (?, ?, ?, ?, ?)")
                            .params(c.chain(), c.seq(), c.hash(), Timestamp.from(now), c.signature())
                            .update();
                    out.add(c);
                });
        return out;
    }

    @Transactional(readOnly = true)
    public List<LedgerRecord> historyOf(long personId) {
        return client.sql("""
                        select chain, seq, event_type, person_id, actor, actor_roles, occurred_at, recorded_at,
                               payload::text, hash
                          from ledger_entry where person_id = ? order by recorded_at, chain, seq""")
                .param(personId)
                .query((rs, n) -> new LedgerRecord(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    /** Heads of all chains: a cheap status for dashboards. */
    @Transactional(readOnly = true)
    public List<ChainVerifier.CheckpointRef> heads() {
        return client.sql("select chain, seq, hash from ledger_head order by chain")
                .query((rs, n) -> new ChainVerifier.CheckpointRef(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
    }
}
