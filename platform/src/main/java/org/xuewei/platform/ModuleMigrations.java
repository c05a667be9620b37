package org.xuewei.platform;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Flyway once per folder {@code db/migration/<schema>}: each module's tables live in a
 * PostgreSQL schema named like the module, with its own history table, so no module's migrations
 * touch another's. Boot's single auto-configured Flyway is switched off ({@code spring.flyway.enabled=false}).
 */
final class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final Pattern FOLDER = Pattern.compile("/db/migration/([a-z][a-z0-9_]*)/[^/]+\\.sql$");

    private ModuleMigrations() {
    }

    /** The schemas that have migrations on the classpath, in alphabetical order. */
    static Set<String> schemas() {
        Set<String> schemas = new TreeSet<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/*/*.sql");
            for (Resource resource : resources) {
                Matcher matcher = FOLDER.matcher(resource.getURL().toString());
                if (matcher.find()) {
                    schemas.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations", e);
        }
        return schemas;
    }

    static void migrate(DataSource dataSource) {
        for (String schema : schemas()) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + schema)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Schema {}: {} migration(s) applied, now at version {}", schema,
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
        }
    }
}
