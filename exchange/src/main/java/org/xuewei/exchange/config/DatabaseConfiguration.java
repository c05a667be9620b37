package org.xuewei.exchange.config;

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
 * The exchange's DataSource: XUEWEI_DB_URL when given, otherwise an embedded PostgreSQL (data
 * directory {@code xuewei.exchange.db.data-dir}; blank means a temporary one) closed on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    /**
     * Every statement of the exchange is a look-up by key. A batch's queries take the keys as an array
     * ({@code id_number = any(?)}), whose custom plans PostgreSQL found cheaper than the generic one and so planned
     * again at each execution: 0.35 ms of server CPU per one-key households query instead of 0.04 (3,000 keys measured
     * on one connection). Generic plans (planned once per prepared statement) make array and single look-ups cost alike.
     * The registries are small and held in memory: with the default {@code random_page_cost} (4, for disks) the generic
     * plans scanned the small registries (优待 376 rows, 网签 buyers 878) instead of using their index, 2–3 times the
     * server CPU of an index look-up for a batch's ≈ 5 keys (measured on one connection).
     */
    static final String PLANNER_SETTINGS = "set plan_cache_mode = force_generic_plan; set random_page_cost = 1.1";

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ExchangeProperties properties) {
        ExchangeProperties.Db db = properties.db();
        if (db.url() != null && !db.url().isBlank()) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(db.url());
            ds.setUsername(db.user());
            ds.setPassword(db.password());
            ds.setPoolName("exchange");
            ds.setMaximumPoolSize(10);
            ds.setConnectionInitSql(PLANNER_SETTINGS);
            return ds;
        }
        try {
            Path dir = db.dataDir() == null || db.dataDir().isBlank() ? null : Path.of(db.dataDir());
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, 0, EmbeddedDatabase.DEFAULT_DATABASE);
            log.info("Started embedded PostgreSQL at {} (data: {})", embedded.jdbcUrl(), dir == null ? "temporary" : dir.toAbsolutePath());
            EmbeddedDataSource ds = new EmbeddedDataSource(embedded);
            ds.setJdbcUrl(embedded.jdbcUrl());
            ds.setUsername(EmbeddedDatabase.USER);
            ds.setPoolName("exchange");
            ds.setMaximumPoolSize(10);
            ds.setConnectionInitSql(PLANNER_SETTINGS);
            return ds;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A pool that also stops its embedded server when closed. */
    static final class EmbeddedDataSource extends HikariDataSource {
        private final EmbeddedDatabase embedded;

        EmbeddedDataSource(EmbeddedDatabase embedded) {
            this.embedded = embedded;
        }

        @Override
        public void close() {
            super.close();
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
            }
        }
    }

}
