package org.xuewei.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuewei.devdb.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The platform's one DataSource: an external PostgreSQL when {@code xuewei.db.url} is set,
 * otherwise an embedded server started here and stopped on shutdown. The DataSource is handed out
 * only after every module's Flyway migrations have run (see {@link ModuleMigrations}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        if (properties.external()) {
            log.info("Using the external PostgreSQL at {}", properties.url());
            return new DatabaseServer(null, properties.url(), properties.user(), properties.password());
        }
        String dir = properties.embeddedDataDir();
        Path dataDir = dir == null || dir.isBlank() ? null : Path.of(dir);
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir, 0, EmbeddedDatabase.DEFAULT_DATABASE);
            log.info("Started an embedded PostgreSQL at {} (data: {})", embedded.jdbcUrl(),
                    dataDir == null ? "temporary" : dataDir.toAbsolutePath());
            return new DatabaseServer(embedded, embedded.jdbcUrl(), EmbeddedDatabase.USER, "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("platform");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(10);
        if (server.embedded() != null) {
            // the embedded server stops in its own JVM shutdown hook, concurrently with the context: fail sooner than
            // the default 30 s for a connection during shutdown — but not at 3 s, which 1 of 3,000 parents waited
            // past at 200 at once on the 2-core machine (docs/performance.md)
            config.setConnectionTimeout(10_000);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            ModuleMigrations.migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** The server behind the DataSource; owns the embedded PostgreSQL when there is one. */
    record DatabaseServer(EmbeddedDatabase embedded, String url, String user, String password)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
