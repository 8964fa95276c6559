package org.custodia.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes many rows with PostgreSQL's {@code COPY … FROM STDIN}, on the connection of the caller's transaction, so
 * they commit or roll back with the rest of the change. Loading the demo or a whole facility's population this way
 * is several times faster than batched inserts. The rows are CSV written by Jackson and streamed while PostgreSQL
 * reads them (an unquoted empty field is NULL, a quoted one the empty string). The statement is the caller's
 * constant ({@code copy person (id, given_names) from stdin}): it names its own module's table.
 */
@Component
public class BulkCopy {
    // Jackson flushes a sequence after every value by default: here that sent each row to PostgreSQL as a message
    // of its own, one socket write per row (a tenth of the demo load's JVM time); the copy stream's buffer decides
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvWriteFeature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();
    private static final int BUFFER = 1 << 16;
    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final DataSource dataSource;
    private final JdbcClient client;

    public BulkCopy(DataSource dataSource) {
        this.dataSource = dataSource;
        this.client = JdbcClient.create(dataSource);
    }

    /**
     * The next {@code n} ids of the table's {@code id} sequence, for rows written by {@link #copy} (which returns no
     * keys). The sequence is looked up once, not once per id (ten times the cost of the ids themselves).
     */
    public long[] nextIds(String table, int n) {
        return client.sql("""
                        select nextval(s) from (select pg_get_serial_sequence(?, 'id')::regclass s offset 0) q,
                               generate_series(1, ?)""")
                .params(table, n).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** A source of rows: each value a String, number, boolean, enum, date or instant, or null. */
    @FunctionalInterface
    public interface Rows {
        void each(RowSink sink);
    }

    @FunctionalInterface
    public interface RowSink {
        void row(Object... values);
    }

    /** Copies the rows; returns how many. Requires the caller's transaction. */
    public long copy(String copyFromStdin, Rows rows) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("bulk copies run inside the transaction of the change");
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        long[] count = {0};
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(con.unwrap(PGConnection.class),
                    copyFromStdin + " with (format csv)", BUFFER);
            SequenceWriter[] writer = {null};
            try {
                rows.each(values -> {
                    if (writer[0] == null) {
                        writer[0] = CSV.writerFor(List.class).with(schema(values.length)).writeValues(copy);
                    }
                    String[] text = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        text[i] = text(values[i]);
                    }
                    writer[0].write(Arrays.asList(text));
                    count[0]++;
                });
                if (writer[0] == null) {
                    copy.endCopy();
                    return 0;
                }
                writer[0].flush();
                copy.endCopy();
            } catch (RuntimeException | Error e) {
                if (copy.isActive()) {
                    copy.cancelCopy(); // never end a half-written copy: the transaction rolls back
                }
                // the database's refusal (a constraint, a value out of range) reaches the error handler as any other
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof SQLException refused) {
                        throw TRANSLATOR.translate("COPY", copyFromStdin, refused);
                    }
                }
                throw e;
            }
            return count[0];
        } catch (SQLException e) {
            throw TRANSLATOR.translate("COPY", copyFromStdin, e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /**
     * Positional columns: with a schema, Jackson writes a null as an empty field (COPY's NULL) and an empty string
     * quoted; without one it would drop nulls from a row altogether.
     */
    private static CsvSchema schema(int columns) {
        CsvSchema.Builder b = CsvSchema.builder();
        for (int i = 0; i < columns; i++) {
            b.addColumn("c" + i);
        }
        return b.build().withoutHeader();
    }

    private static String text(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Enum<?> e -> e.name();
            case Instant i -> InstantText.of(i);
            case TemporalAccessor t -> t.toString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw new IllegalArgumentException("cannot copy a " + v.getClass().getName());
        };
    }
}
