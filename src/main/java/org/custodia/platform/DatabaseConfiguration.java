package org.custodia.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * PostgreSQL is the only database. With {@code custodia.db.url} (env {@code CUSTODIA_DB_URL}) Custodia connects to
 * that server and starts nothing; without it an embedded PostgreSQL 17 keeps its files under the data directory so
 * that records survive a restart.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${custodia.db.url:}") String url,
                                      @Value("${custodia.data-dir:./data}") Path dataDir,
                                      @Value("${custodia.db.embedded.clean:false}") boolean clean) throws IOException {
        if (StringUtils.hasText(url)) {
            return EmbeddedDatabase.NONE;
        }
        Path pgDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (clean) {
            FileSystemUtils.deleteRecursively(pgDir);
        }
        Files.createDirectories(pgDir.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", pgDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                // zonky starts postgres with -F (no fsync); custody records must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        return new EmbeddedDatabase(pg);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase embedded,
                          @Value("${custodia.db.url:}") String url,
                          @Value("${custodia.db.user:postgres}") String user,
                          @Value("${custodia.db.password:}") String password,
                          @Value("${custodia.db.pool-size:12}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("custodia");
        config.setMaximumPoolSize(poolSize);
        if (embedded.postgres() != null) {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        // Bulk paths (batch intake, demo load) send batched inserts as multi-row statements.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if any, so that it stops after the pool that uses it. */
    static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);
        private final EmbeddedPostgres postgres;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        EmbeddedPostgres postgres() {
            return postgres;
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
