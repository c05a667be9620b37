package org.xuewei.exchange.city;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Loads a generated city into schema {@code exchange} with COPY, replacing what was there, in one transaction. */
@Component
public class CityLoader {

    private static final Logger log = LoggerFactory.getLogger(CityLoader.class);

    private final DataSource dataSource;

    public CityLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void load(GeneratedCity city) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    StringBuilder names = new StringBuilder();
                    for (Table t : city.tables()) {
                        names.append(names.isEmpty() ? "" : ", ").append("exchange.").append(t.name());
                    }
                    s.execute("truncate " + names + ", exchange.city_meta, exchange.catalog_export");
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (Table t : city.tables()) {
                    try (InputStream in = t.open()) {
                        copy.copyIn(t.copySql(), in, 1 << 16);
                    }
                }
                try (PreparedStatement meta = c.prepareStatement("insert into exchange.city_meta (key, value) values (?, ?)")) {
                    put(meta, "seed", Long.toString(city.options().seed()));
                    put(meta, "scale", Integer.toString(city.options().cohortChildren()));
                    put(meta, "season", Integer.toString(city.options().season()));
                    put(meta, "digest", city.digest());
                    put(meta, "loaded_at", java.time.Instant.now().toString());
                    meta.executeBatch();
                }
                try (PreparedStatement cat = c.prepareStatement("insert into exchange.catalog_export (id, format, body) values (1, ?, ?)")) {
                    cat.setString(1, Catalog.FORMAT);
                    cat.setString(2, new String(city.catalog().toJson(), StandardCharsets.UTF_8));
                    cat.executeUpdate();
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load the city: " + e.getMessage(), e);
        }
        log.info("Loaded {} rows with COPY in {} ms", city.rows(), (System.nanoTime() - start) / 1_000_000);
    }

    private static void put(PreparedStatement meta, String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.addBatch();
    }

    /** True when a city has been loaded. */
    public boolean loaded() {
        return meta("season").isPresent();
    }

    /** True when families with children are loaded but no 出生医学证明 (a city loaded before migration V2). */
    public boolean lacksBirthRegistry() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select exists (select 1 from exchange.family_child) "
                     + "and not exists (select 1 from exchange.birth_certificate)");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> meta(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select value from exchange.city_meta where key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog export as stored at load time. */
    public Optional<String> catalogJson() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select body from exchange.catalog_export where id = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes catalog.json into the directory (created if needed). */
    public static Path writeCatalog(byte[] json, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("catalog.json");
        Path tmp = dir.resolve("catalog.json.tmp");
        Files.write(tmp, json);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
