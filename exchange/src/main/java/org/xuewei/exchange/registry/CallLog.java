package org.xuewei.exchange.registry;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.postgresql.PGConnection;
import org.xuewei.exchange.city.IdNumbers;
import org.xuewei.exchange.config.ExchangeProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 调用日志 — every registry call: client, registry, operation, about whom (keyed hash + mask), purpose, outcome.
 * Rows are buffered and written in batches (every {@value #FLUSH_EVERY_MS} ms, at {@value #FLUSH_AT} rows, before
 * {@link #recent} reads and on shutdown). A failed write keeps the rows for the next flush; nothing is dropped: when
 * {@value #MAX_PENDING} rows wait, the caller writes them itself and fails if it cannot (no answer without its log).
 * <p>
 * Text from the request (client, registry, operation, purpose, the subject's mask) is stored with every NUL replaced
 * by U+FFFD: PostgreSQL text cannot hold NUL. A chunk the database refuses for its data (SQLSTATE class 22 or 23) is
 * written again in halves, so that every other row is written in order and only a row refused on its own is set
 * aside ({@link #setAside()}, reported at ERROR with its request id) — one bad row never blocks the log.
 */
@Component
public class CallLog {

    static final int FLUSH_EVERY_MS = 200;
    static final int FLUSH_AT = 500;
    static final int MAX_PENDING = 100_000;
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    /** The log's columns, written with COPY (in the rows' order, so ids follow it). */
    private static final String[] COLUMNS = {"request_id", "at", "client_id", "registry", "operation", "subject_hash",
            "subject_mask", "purpose", "status", "duration_ms"};
    private static final String COPY = "COPY exchange.call_log (" + String.join(", ", COLUMNS) + ") FROM STDIN WITH (FORMAT binary)";

    private record Row(UUID requestId, Instant at, String client, String registry, String operation, String subject,
                       String purpose, int status, int durationMs) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final byte[] key;
    private final Clock clock;
    private final ConcurrentLinkedDeque<Row> pending = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong setAside = new AtomicLong();
    private final Object writing = new Object();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-log-flush");
        t.setDaemon(true);
        return t;
    });

    public CallLog(JdbcClient jdbc, JdbcTemplate template, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        String k = properties.registry().logHashKey();
        if (k == null || k.isBlank()) {
            k = UUID.randomUUID().toString();
        }
        this.key = k.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    public void record(UUID requestId, String clientId, String registry, String operation, String subject, String purpose,
                       int status, long durationMs) {
        pending.add(new Row(requestId, Instant.now(clock), text(clientId), text(registry), text(operation), subject,
                text(purpose == null ? null : purpose.length() > 200 ? purpose.substring(0, 200) : purpose), status,
                (int) Math.min(Integer.MAX_VALUE, durationMs)));
        int n = size.incrementAndGet();
        if (n >= MAX_PENDING) {
            flush(); // the database is behind or down: write now, or fail this call rather than lose its log
        } else if (n == FLUSH_AT) {
            flusher.execute(this::flushQuietly);
        }
    }

    /** Text as the log stores it: PostgreSQL text cannot hold NUL, so each NUL becomes U+FFFD. */
    static String text(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    /**
     * Writes every buffered row, in order. A row the database refuses for its data is set aside (see the class); on any
     * other failure (the database down) the rows not yet written stay buffered, in order, and the exception is thrown.
     */
    public void flush() {
        synchronized (writing) {
            Mac mac = mac();
            while (!pending.isEmpty()) {
                List<Row> rows = new ArrayList<>(FLUSH_AT);
                for (Row r; rows.size() < 1000 && (r = pending.poll()) != null; ) {
                    rows.add(r);
                }
                int[] done = {0}; // rows written or set aside: always the chunk's first ones
                try {
                    write(rows, 0, rows.size(), mac, done);
                    size.addAndGet(-rows.size());
                } catch (RuntimeException e) {
                    size.addAndGet(-done[0]);
                    for (int i = rows.size() - 1; i >= done[0]; i--) {
                        pending.addFirst(rows.get(i));
                    }
                    throw e;
                }
            }
        }
    }

    /** Rows [from, to) with one COPY; refused for its data, in halves, down to the one row to set aside. */
    private void write(List<Row> rows, int from, int to, Mac mac, int[] done) {
        try {
            insert(rows.subList(from, to), mac);
        } catch (RuntimeException e) {
            SQLException cause = sqlException(e);
            String state = cause == null ? null : cause.getSQLState();
            if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
                throw e;
            }
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                write(rows, from, mid, mac, done);
                write(rows, mid, to, mac, done);
                return;
            }
            Row r = rows.get(from);
            setAside.incrementAndGet();
            log.error("call log: row of request {} (status {}) refused by the database and set aside: SQLSTATE {}: {}", r.requestId(),
                    r.status(), state, cause.getMessage());
        }
        done[0] = to;
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s;
            }
        }
        return null;
    }

    /** Rows the database refused on their own since start (each reported at ERROR; none should ever be). */
    long setAside() {
        return setAside.get();
    }

    /**
     * One COPY per chunk of rows: PostgreSQL's cheapest way in (no statement to plan, no arrays to unnest, rows
     * inserted in bulk), in the binary format ({@link BinaryCopy}: nothing formatted as text or parsed); the same columns
     * and values as an insert, in the same order.
     */
    private void insert(List<Row> rows, Mac mac) {
        BinaryCopy copy = new BinaryCopy();
        Map<String, String[]> subjects = new HashMap<>(); // hash and mask once per person of the chunk (a batch asks ≈ 11 about one)
        for (Row r : rows) {
            String[] hashAndMask = r.subject() == null ? new String[2] : subjects.computeIfAbsent(r.subject(), s -> new String[]{
                    HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8))), text(IdNumbers.mask(s))});
            copy.row(COLUMNS.length).uuid(r.requestId()).timestamptz(r.at()).text(r.client()).text(r.registry()).text(r.operation())
                    .text(hashAndMask[0]).text(hashAndMask[1]).text(r.purpose()).int4(r.status()).int4(r.durationMs());
        }
        template.execute((Connection c) -> {
            try (InputStream in = copy.open()) {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, in, 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("call log: {} rows not written yet, retrying: {}", size.get(), e.toString());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        flush();
    }

    /** HMAC-SHA256 of the subject with the log key: the same person gives the same hash, the hash gives no id. */
    public String hash(String subject) {
        return HexFormat.of().formatHex(mac().doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> recent(int limit) {
        flush();
        return jdbc.sql("""
                        select request_id::text as "requestId", to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MSOF') as "at", client_id as "clientId",
                               registry, operation, subject_hash as "subjectHash", subject_mask as "subjectMask", purpose, status,
                               duration_ms as "durationMs"
                        from exchange.call_log order by id desc limit :limit""")
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query().listOfRows();
    }
}
