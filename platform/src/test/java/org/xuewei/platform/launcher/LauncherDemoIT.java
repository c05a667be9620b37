package org.xuewei.platform.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xuewei.devdb.EmbeddedDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs the real {@code ./xuewei demo} (built jars, real processes) against a second embedded
 * PostgreSQL that it must treat as an external database: both services come up healthy, every
 * table lands in that database, no embedded server of the launcher's own is started, and a signal
 * stops everything. Runs in the integration-test phase, after the platform jar is packaged.
 */
class LauncherDemoIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void demoUsesTheExternalDatabaseAndStopsCleanly(@TempDir Path tmp) throws Exception {
        assumeThat(ROOT.resolve("exchange/target/xuewei-exchange.jar")).exists();
        assumeThat(ROOT.resolve("platform/target/xuewei-platform.jar")).exists();
        try (EmbeddedDatabase external = EmbeddedDatabase.start(null, 0, "outside")) {
            int platformPort = freePort();
            int exchangePort = freePort();
            Path dataDir = tmp.resolve("data");
            Path log = tmp.resolve("launcher.log");
            ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("xuewei").toString(), "demo")
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("XUEWEI_DB_URL", external.jdbcUrl());
            builder.environment().put("XUEWEI_DB_USER", EmbeddedDatabase.USER);
            builder.environment().put("XUEWEI_DB_PASSWORD", "");
            builder.environment().put("XUEWEI_DATA_DIR", dataDir.toString());
            builder.environment().put("XUEWEI_PLATFORM_PORT", Integer.toString(platformPort));
            builder.environment().put("XUEWEI_EXCHANGE_PORT", Integer.toString(exchangePort));
            builder.environment().put("XUEWEI_SKIP_BUILD", "1");
            Process launcher = builder.start();
            List<Long> children = new ArrayList<>();
            try {
                String output = waitFor(log, "Press Ctrl-C", launcher, Duration.ofMinutes(4));
                assertThat(output).contains("Database: external").contains("Xuewei is ready");
                launcher.descendants().forEach(p -> children.add(p.pid()));

                HttpClient http = HttpClient.newHttpClient();
                assertThat(get(http, "http://127.0.0.1:" + platformPort + "/actuator/health")).contains("\"UP\"");
                assertThat(get(http, "http://127.0.0.1:" + exchangePort + "/actuator/health")).contains("\"UP\"");
                assertThat(get(http, "http://127.0.0.1:" + platformPort + "/")).contains("lang=\"zh-CN\"");

                assertThat(schemas(external)).contains("identity", "catalog", "audit", "exchange");
                assertThat(dataDir.resolve("pg")).doesNotExist();
                assertThat(dataDir.resolve("demo-logins.txt")).exists();
            } finally {
                // SIGTERM takes the same path as Ctrl-C (SIGINT) in the launcher; SIGINT itself cannot be
                // used here because a shell started from a background job (as CI may do) ignores it.
                new ProcessBuilder("kill", "-TERM", Long.toString(launcher.pid())).start().waitFor();
                boolean ended = launcher.waitFor(60, TimeUnit.SECONDS);
                if (!ended) {
                    launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly();
                }
                assertThat(ended).as("launcher ended after SIGTERM").isTrue();
            }
            for (long pid : children) {
                ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("child %d stopped", pid).isFalse();
            }
            assertThat(Files.readString(log)).contains("Stopped.");
        }
    }

    private static List<String> schemas(EmbeddedDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select schema_name from information_schema.schemata")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static String waitFor(Path log, String marker, Process process, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains(marker)) {
                return text;
            }
            if (!process.isAlive()) {
                throw new AssertionError("launcher ended early:\n" + text);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("launcher not ready in " + limit + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
