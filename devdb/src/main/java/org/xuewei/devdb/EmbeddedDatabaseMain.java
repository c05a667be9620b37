package org.xuewei.devdb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL of {@code ./xuewei demo} until it is stopped (SIGINT/SIGTERM),
 * then shuts the server down cleanly so the data directory can be reused.
 *
 * <p>Usage: {@code java -jar xuewei-devdb-exec.jar [--data ./data/pg] [--port 5433] [--database xuewei]}.
 * Prints one line {@code READY <jdbc-url>} when the database accepts connections.
 */
public final class EmbeddedDatabaseMain {

    private EmbeddedDatabaseMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("data", "pg");
        int port = 5433;
        String database = EmbeddedDatabase.DEFAULT_DATABASE;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--database" -> database = args[i + 1];
                default -> usage("unknown option " + args[i]);
            }
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(data, port, database);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.close();
            } catch (Exception e) {
                System.err.println("Stopping PostgreSQL failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "devdb-stop"));
        System.out.println("READY " + db.jdbcUrl() + (db.fresh() ? " (new data directory)" : " (existing data)"));
        System.out.flush();
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: xuewei-devdb [--data DIR] [--port N] [--database NAME]");
        System.exit(2);
    }
}
