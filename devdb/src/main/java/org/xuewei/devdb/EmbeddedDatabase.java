package org.xuewei.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL server (real binaries, from Maven Central via io.zonky.test) with one
 * application database. Used by {@code ./xuewei demo}, by the platform and exchange when no
 * external database is configured, and by the tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database that the platform and the exchange share (each in its own schemas). */
    public static final String DEFAULT_DATABASE = "xuewei";
    /** The superuser of the embedded server; it trusts local connections, so it has no password. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean fresh;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String database, boolean fresh) {
        this.postgres = postgres;
        this.database = database;
        this.fresh = fresh;
    }

    /**
     * Starts a server. With a data directory the data is kept between runs; with {@code null} a
     * temporary directory is used and deleted on close. Port 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, String database) throws IOException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must match [a-z][a-z0-9_]{0,62}: " + database);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB");
        if (durable(dataDirectory)) {
            // the embedded library starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for a test
            // server thrown away after the run; a server whose data is kept acknowledges a commit only once it is on
            // disk, as an external PostgreSQL does by default (these -c settings come after -F and win)
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        // more server settings for measurements, e.g. -Dxuewei.devdb.config=shared_preload_libraries=pg_stat_statements
        for (String setting : System.getProperty("xuewei.devdb.config", "").split(",")) {
            int eq = setting.indexOf('=');
            if (eq > 0) {
                builder.setServerConfig(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
            }
        }
        boolean fresh = true;
        if (dataDirectory != null) {
            Path dir = dataDirectory.toAbsolutePath();
            Files.createDirectories(dir);
            fresh = !Files.exists(dir.resolve("PG_VERSION"));
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase db = new EmbeddedDatabase(postgres, database, fresh);
        try {
            db.createDatabaseIfMissing();
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not create database " + database + ": " + e.getMessage(), e);
        }
        return db;
    }

    /**
     * Whether commits are durable (fsync and synchronous_commit on, PostgreSQL's own defaults): by default when the
     * data is kept in a data directory (the demo, a server run with the launcher), not for a temporary server (the
     * tests); {@code -Dxuewei.devdb.durable=true|false} decides either way (the load runs measure a durable one).
     */
    static boolean durable(Path dataDirectory) {
        String configured = System.getProperty("xuewei.devdb.durable", "");
        return configured.isBlank() ? dataDirectory != null : Boolean.parseBoolean(configured);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                // the name was validated against [a-z][a-z0-9_]* above
                statement.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        }
    }

    /** JDBC URL of the application database, on the loopback address. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** True when this start created the data directory (first run or after a reset). */
    public boolean fresh() {
        return fresh;
    }

    public DataSource dataSource() {
        return postgres.getDatabase(USER, database);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
