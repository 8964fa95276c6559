package org.custodia.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.util.FileSystemUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * PostgreSQL is the only database. With {@code custodia.db.url} (env {@code CUSTODIA_DB_URL}) Custodia connects to
 * that server and starts nothing; without it an embedded PostgreSQL 17 keeps its files under the data directory so
 * that records survive a restart.
 * <p>
 * Two roles: Flyway migrates as the owning role ({@code custodia_owner}); the application connects as
 * {@code custodia_app}, which owns nothing and is not a superuser, so it cannot alter tables, disable the
 * append-only triggers or set {@code session_replication_role}, and holds only the privileges the model needs
 * (granted by {@code afterMigrate.sql}). The embedded server asks every connection for a password (SCRAM); the
 * passwords are random and kept in {@code <data-dir>/db-passwords} (mode 600).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String OWNER = "custodia_owner";
    static final String APP = "custodia_app";

    /**
     * Starts the embedded server while the rest of the application is being set up (the web server alone takes
     * about 1.5 s before any bean asks for the database): started from a bean factory post-processor, that is once
     * the configuration is read and before any bean is made.
     */
    @Bean
    static EmbeddedStart embeddedStart() {
        return new EmbeddedStart();
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedStart start) throws IOException {
        return start.take();
    }

    /** The embedded server's start, begun early on a thread of its own; {@link #take} waits for it. */
    static final class EmbeddedStart implements BeanFactoryPostProcessor, EnvironmentAware {
        private Environment environment;
        private CompletableFuture<EmbeddedDatabase> started;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            started = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
                try {
                    started.complete(start(environment));
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            });
        }

        EmbeddedDatabase take() throws IOException {
            if (started == null) {
                return start(environment);
            }
            try {
                return started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private static EmbeddedDatabase start(Environment env) throws IOException {
        if (StringUtils.hasText(env.getProperty("custodia.db.url"))) {
            return EmbeddedDatabase.NONE;
        }
        Path dataDir = Path.of(env.getProperty("custodia.data-dir", "./data"));
        boolean clean = env.getProperty("custodia.db.embedded.clean", Boolean.class, false);
        Path pgDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (clean) {
            FileSystemUtils.deleteRecursively(pgDir);
        }
        Files.createDirectories(pgDir.getParent());
        DatabasePasswords passwords = DatabasePasswords.load(dataDir);
        OrphanedServer.stopIfOrphaned(pgDir);
        log.info("Starting embedded PostgreSQL with data in {}", pgDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                // zonky starts postgres with -F (no fsync); custody records must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's readiness check connects as the superuser: with its password once authentication is on
                .setConnectConfig("password", passwords.superuser())
                .start();
        try {
            secure(pg, passwords, pgDir);
        } catch (SQLException | IOException e) {
            pg.close();
            throw new IllegalStateException("Could not set up the database roles: " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(pg, passwords);
    }

    /**
     * Creates the owning and application roles with their passwords, gives the owning role the schema and anything
     * an earlier version created as superuser, and turns on password authentication for every connection.
     */
    private static void secure(EmbeddedPostgres pg, DatabasePasswords pw, Path pgDir) throws SQLException, IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password '" + pw.superuser() + "'");
            for (String[] role : new String[][] {{OWNER, pw.owner()}, {APP, pw.app()}}) {
                s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role[0]
                        + "') then create role " + role[0] + "; end if; end $$");
                s.execute("alter role " + role[0] + " with login nosuperuser nocreatedb nocreaterole noreplication "
                        + "nobypassrls password '" + role[1] + "'");
            }
            // the extensions the schema uses are created by the superuser; the owner needs no CREATE on the database
            s.execute("create extension if not exists pg_trgm");
            s.execute("create extension if not exists unaccent");
            s.execute("alter schema public owner to " + OWNER);
            s.execute("revoke create on schema public from public");
            s.execute("""
                    do $$ declare r record; begin
                      for r in select c.oid::regclass as name, c.relkind from pg_class c
                                 join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind in ('r', 'S', 'v', 'p')
                                  and pg_get_userbyid(c.relowner) <> '%1$s'
                                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('e', 'i', 'a'))
                      loop
                        execute format('alter %%s %%s owner to %1$s',
                                       case r.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end, r.name);
                      end loop;
                      for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                                  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                      loop
                        execute format('alter function %%s owner to %1$s', r.name);
                      end loop;
                    end $$""".formatted(OWNER));
            // everything a connection does from now on needs a password, the superuser's included
            Files.writeString(pgDir.resolve("pg_hba.conf"), """
                    # Written by Custodia at every start: every connection gives a password (SCRAM-SHA-256).
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """);
            s.execute("select pg_reload_conf()");
        }
    }

    /** The application's connections: the role that owns nothing. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedDatabase embedded,
                          @Value("${custodia.db.url:}") String url,
                          @Value("${custodia.db.user:" + APP + "}") String user,
                          @Value("${custodia.db.password:}") String password,
                          @Value("${custodia.db.pool-size:12}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("custodia");
        config.setMaximumPoolSize(poolSize);
        if (embedded.postgres() != null) {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl(APP, "postgres"));
            config.setUsername(APP);
            config.setPassword(embedded.passwords().app());
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        // Bulk paths (batch intake, demo load) send batched inserts as multi-row statements.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /**
     * Flyway's connection: the owning role. For an external server, {@code custodia.db.owner-user} and
     * {@code custodia.db.owner-password}; without them Flyway uses the application's credentials (one role for
     * both, which gives up the separation: not for production).
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedDatabase embedded,
                                @Value("${custodia.db.url:}") String url,
                                @Value("${custodia.db.user:" + APP + "}") String user,
                                @Value("${custodia.db.password:}") String password,
                                @Value("${custodia.db.owner-user:}") String ownerUser,
                                @Value("${custodia.db.owner-password:}") String ownerPassword) {
        // A plain driver data source, not PGSimpleDataSource: that one reports a URL carrying every driver property,
        // which Flyway scans with regular expressions to redact it (0.4 s of each start).
        if (embedded.postgres() != null) {
            return new SimpleDriverDataSource(new org.postgresql.Driver(), embedded.postgres().getJdbcUrl(OWNER,
                    "postgres"), OWNER, embedded.passwords().owner());
        }
        boolean owner = StringUtils.hasText(ownerUser);
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                owner ? ownerUser : user, owner ? ownerPassword : password);
        return ds;
    }

    /** The grants after each migration name the application role. */
    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(EmbeddedDatabase embedded,
                                                             @Value("${custodia.db.user:" + APP + "}") String user) {
        String appRole = embedded.postgres() != null ? APP : user;
        return c -> c.placeholders(java.util.Map.of("appRole", appRole));
    }

    /** Holds the embedded server, if any, so that it stops after the pool that uses it. */
    static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);
        private final EmbeddedPostgres postgres;
        private final DatabasePasswords passwords;

        EmbeddedDatabase(EmbeddedPostgres postgres, DatabasePasswords passwords) {
            this.postgres = postgres;
            this.passwords = passwords;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        DatabasePasswords passwords() {
            return passwords;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                log.info("Stopping embedded PostgreSQL");
                postgres.close();
            }
        }
    }
}
