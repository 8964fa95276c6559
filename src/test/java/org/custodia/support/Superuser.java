package org.custodia.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connections to the test's embedded PostgreSQL as another role than the application's: the superuser (to tamper
 * with the ledger as a rogue database administrator would), or the application role itself on a connection of
 * its own. Passwords come from the data directory the test profile pins ({@code target/test-data}).
 */
public final class Superuser {
    private Superuser() {
    }

    public static String password(String role) {
        try {
            return Files.readAllLines(Path.of("target", "test-data", "db-passwords")).stream()
                    .filter(l -> l.startsWith(role + "=")).map(l -> l.substring(role.length() + 1)).findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PGSimpleDataSource as(DataSource app, String role, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(((HikariDataSource) app).getJdbcUrl());
        ds.setUser(role);
        ds.setPassword(password);
        return ds;
    }

    /** The owning role, which Flyway migrates as: what refuses it is the append-only triggers themselves. */
    public static JdbcClient owner(DataSource app) {
        return JdbcClient.create(as(app, "custodia_owner", password("custodia_owner")));
    }

    /** The embedded server's superuser. */
    public static JdbcClient of(DataSource app) {
        return JdbcClient.create(as(app, "postgres", password("postgres")));
    }
}
