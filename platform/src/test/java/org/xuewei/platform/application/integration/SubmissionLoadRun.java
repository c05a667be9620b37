package org.xuewei.platform.application.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.ChildSummary;
import org.xuewei.platform.application.SubmitRequest;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.registry.RegistryProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of the normal build (the name matches no surefire pattern, and it needs {@code -Dxuewei.load.run=true}):
 * the load run behind {@code scripts/load/check-submit.sh}. Parents of the real exchange's demo city (loopback only)
 * each do the one-click check and then submit, {@code xuewei.load.concurrency} at a time, through the platform's
 * application service; bounded by {@code xuewei.load.parents} and {@code xuewei.load.max-seconds}. Writes
 * throughput, p50/p99, errors and lost submissions to {@code platform/target/load/check-submit.txt}.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "xuewei.load.run", matches = "true")
class SubmissionLoadRun {

    @Autowired Applications applications;
    @Autowired RegistryProperties registry;
    @Autowired JdbcClient jdbc;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void check_and_submit_at_concurrent_parents() throws Exception {
        assertThat(URI.create(registry.baseUrl()).getHost()).as("loopback only").isIn("127.0.0.1", "localhost");
        int parents = Integer.getInteger("xuewei.load.parents", 2000);
        int concurrency = Integer.getInteger("xuewei.load.concurrency", 200);
        long maxSeconds = Long.getLong("xuewei.load.max-seconds", 120);

        String token = token();
        List<String> guardians = new ArrayList<>();
        for (int offset = 0; guardians.size() < parents; offset += 1000) {
            JsonNode page = get("/exchange/admin/demo/guardians?offset=" + offset + "&limit=1000", token);
            if (page.path("guardians").isEmpty()) {
                break;
            }
            for (JsonNode g : page.path("guardians")) {
                if (guardians.size() < parents) {
                    guardians.add(g.path("idNumber").asString());
                }
            }
        }

        // signed in: the children of each household are known (not timed: that is the login, not the click). At most
        // xuewei.load.login-concurrency at once (32): 200 cold logins at once on a loaded machine timed out together and
        // opened the registries' circuits, so most parents never reached the timed step (measured)
        int loginConcurrency = Math.min(concurrency, Integer.getInteger("xuewei.load.login-concurrency", 32));
        Map<String, UUID> childOf = new ConcurrentHashMap<>();
        run(guardians, loginConcurrency, maxSeconds, g -> {
            List<ChildSummary> children = applications.children(parent(g), "127.0.0.1");
            if (!children.isEmpty() && children.get(0).applicationId() == null) {
                childOf.put(g, children.get(0).ref());
            }
        }, new AtomicInteger());

        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<String, String> statuses = new ConcurrentHashMap<>();
        List<String> ready = new ArrayList<>(childOf.keySet());
        // warm-up, not timed and not counted: xuewei.load.warm-up parents (default 400) check and submit, first 8 at a
        // time (200 cold first evaluations at once queued on the CEL runtime's class initialization, measured), then
        // at the run's concurrency, so that the JIT has compiled the hot paths before the timed step (in a 60-s run
        // after a 40-parent warm-up, C2 compiler threads used 41% of this JVM's CPU, measured with async-profiler);
        // their children are then left out of the timed step
        int warmUp = Math.min(ready.size() / 2, Integer.getInteger("xuewei.load.warm-up", 400));
        List<String> warm = new ArrayList<>(ready.subList(0, warmUp));
        ready = new ArrayList<>(ready.subList(warmUp, ready.size()));
        int cold = Math.min(40, warm.size());
        run(warm.subList(0, cold), Math.min(8, concurrency), maxSeconds, g -> warmUp(childOf, g), new AtomicInteger());
        run(warm.subList(cold, warm.size()), concurrency, maxSeconds, g -> warmUp(childOf, g), new AtomicInteger());
        boolean statements = Boolean.getBoolean("xuewei.load.statements");
        if (statements) {
            // with -Dxuewei.devdb.config=shared_preload_libraries=pg_stat_statements: what the timed step asks the database
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        }
        double[] wal0 = statements ? wal() : null;
        // the timed step starts now: a profiler (or anyone) can wait for this file to attach for the timed step only
        Path started = Path.of("target", "load", "timed-step.started");
        Files.createDirectories(started.getParent());
        Files.writeString(started, java.time.Instant.now() + "\n");
        Map<String, Double> processes0 = ProcessCpu.snapshot();
        Map<String, Double> threads0 = ProcessCpu.threads();
        Map<String, Double> jvm0 = ProcessCpu.jvmThreads();
        long cpu0 = processCpuNanos();
        double[] exchange0 = exchangeCounters();
        long[] outbox0 = outboxCounts();
        long[] machine0 = machineJiffies();
        // xuewei.load.rate > 0: an open model. Parent i is due at t0 + i / rate, whatever the platform's answers so far
        // (at most `concurrency` parents at once); a parent's latencies are counted from when it was due, so waiting
        // for a free parent counts too (no coordinated omission). 0 (default): a closed loop, each of the
        // `concurrency` parents starting the next as soon as the last is done
        double rate = Double.parseDouble(System.getProperty("xuewei.load.rate", "0"));
        long t0 = System.nanoTime();
        Map<String, Long> due = new java.util.HashMap<>();
        for (int i = 0; i < ready.size(); i++) {
            due.put(ready.get(i), rate > 0 ? t0 + (long) (i * 1e9 / rate) : 0L);
        }
        java.util.concurrent.atomic.LongAdder late = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder callerCpu = new java.util.concurrent.atomic.LongAdder();
        // each request on its own too (what a parent waits for after a tap), not only the two together
        java.util.Queue<Long> checkMicros = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<Long> submitMicros = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.lang.management.ThreadMXBean threadsMx = java.lang.management.ManagementFactory.getThreadMXBean();
        run(ready, concurrency, maxSeconds, g -> {
            long start = System.nanoTime();
            if (rate > 0) {
                long when = due.get(g);
                while (start < when) {
                    java.util.concurrent.locks.LockSupport.parkNanos(when - start);
                    start = System.nanoTime();
                }
                if (start - when > 100_000_000L) {
                    late.increment();
                }
                start = when;
            }
            long cpuStart = threadsMx.getCurrentThreadCpuTime();
            UUID child = childOf.get(g);
            applications.check(parent(g), child, Locale.SIMPLIFIED_CHINESE, "127.0.0.1");
            long checked = System.nanoTime();
            checkMicros.add((checked - start) / 1000);
            try {
                ApplicationView v = applications.submit(parent(g), child,
                        new SubmitRequest(null, null, null, true, "", "load-" + g), "127.0.0.1");
                statuses.put(g, v.number());
                long done = System.nanoTime();
                submitMicros.add((done - checked) / 1000);
                micros.add((done - start) / 1000);
                statuses.merge("status:" + v.status(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            } catch (org.xuewei.platform.application.ApplicationRefusedException e) {
                refused.incrementAndGet();
                statuses.merge("refused:" + e.messageKey(), "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
            } finally {
                callerCpu.add(threadsMx.getCurrentThreadCpuTime() - cpuStart);
            }
        }, errors);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] exchange1 = exchangeCounters();
        long[] outbox1 = outboxCounts();
        // the notifications are part of the work: made by the submissions, delivered by the dispatcher meanwhile
        String outbox = String.format(Locale.ROOT, "outbox: %d messages made in the timed step, %d delivered in it; %d"
                + " waiting at its end", outbox1[0] - outbox0[0], outbox1[1] - outbox0[1], outbox1[0] - outbox1[1]);
        double requests = exchange1[0] - exchange0[0];
        String toExchange = String.format(Locale.ROOT, "requests to the exchange: %.0f (%.0f/s), %.1f look-ups and %.1f"
                + " parents' batches a request (at most %d requests at once)", requests, requests / seconds,
                (exchange1[2] - exchange0[2]) / Math.max(1, requests), (exchange1[1] - exchange0[1]) / Math.max(1, requests),
                registry.maxInFlight());
        double jvmCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        Map<String, Double> processes = ProcessCpu.minus(ProcessCpu.snapshot(), processes0);
        StringBuilder perProcess = new StringBuilder();
        Map<String, Double> threads = ProcessCpu.minus(ProcessCpu.threads(), threads0);
        threads.keySet().removeIf(k -> k.startsWith("pool-"));
        threads.put("the parents' own threads (check and submit as called)", callerCpu.sum() / 1e9);
        threads.putAll(ProcessCpu.minus(ProcessCpu.jvmThreads(), jvm0));
        threads.put("the rest of the JVM and threads that ended meanwhile",
                jvmCpuSeconds - threads.values().stream().mapToDouble(Double::doubleValue).sum());
        threads.forEach((k, v) -> {
            if (v >= 0.05) {
                perProcess.append(String.format(Locale.ROOT, "    platform: %-50s %7.1f s = %6.2f ms per submission%n", k, v,
                        micros.isEmpty() ? 0 : v * 1000 / micros.size()));
            }
        });
        processes.forEach((k, v) -> {
            if (v >= 0.05) {
                perProcess.append(String.format(Locale.ROOT, "  %-60s %7.1f s = %6.2f ms per submission%n", k, v,
                        micros.isEmpty() ? 0 : v * 1000 / micros.size()));
            }
        });
        long[] machine1 = machineJiffies();
        double machineBusySeconds = (machine1[0] - machine0[0]) / 100.0;
        double machineCores = machine1[1] - machine0[1] == 0 ? 0 : (double) (machine1[0] - machine0[0]) / (machine1[1] - machine0[1])
                * Runtime.getRuntime().availableProcessors();

        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        List<Long> checks = new ArrayList<>(checkMicros);
        Collections.sort(checks);
        List<Long> submits = new ArrayList<>(submitMicros);
        Collections.sort(submits);
        List<String> numbers = statuses.entrySet().stream().filter(e -> !e.getKey().contains(":"))
                .map(Map.Entry::getValue).toList();
        long stored = numbers.isEmpty() ? 0 : jdbc.sql("select count(*) from application.application where number in (:n)")
                .param("n", numbers).query(Long.class).single();
        // whether "submitted" meant "on disk": the platform's database commits durably (fsync, synchronous_commit)?
        String commits = jdbc.sql("select string_agg(name || '=' || setting, ', ' order by name) from pg_settings"
                + " where name in ('fsync', 'synchronous_commit')").query(String.class).single();
        String report = String.format(Locale.ROOT, """
                        check+submit load run against %s
                        platform database: %s
                        parents listed: %d, timed (after %d warm-up): %d, concurrency: %d
                        %s
                        submitted: %d in %.1f s = %.1f submissions/s
                        latency check+submit: p50 %.0f ms, p99 %.0f ms, max %.0f ms
                        latency per request: check p50 %.0f ms, p99 %.0f ms, max %.0f ms; submit p50 %.0f ms, p99 %.0f ms, max %.0f ms
                        %s
                        %s
                        errors (exceptions): %d, refused by the service: %d, lost (answered but not stored): %d
                        outcomes: %s
                        CPU in the timed step: this JVM (the platform side) %.1f s = %.2f ms per submission; the whole
                        machine %.1f s busy = %.2f ms per submission, %.2f of %d cores
                        CPU in the timed step by process group (other = whatever else ran on the machine):
                        %s""", registry.baseUrl(), commits, guardians.size(), warmUp, ready.size(), concurrency,
                rate > 0 ? String.format(Locale.ROOT, "open model: %.0f parents due per second, at most %d at once; latency counted"
                        + " from when each parent was due; started more than 100 ms late (all %d busy): %d", rate, concurrency,
                        concurrency, late.sum())
                        : "closed loop: each of the " + concurrency + " parents starts the next check as soon as its submission is answered",
                sorted.size(), seconds, sorted.size() / seconds,
                pct(sorted, 50), pct(sorted, 99), pct(sorted, 100),
                pct(checks, 50), pct(checks, 99), pct(checks, 100), pct(submits, 50), pct(submits, 99), pct(submits, 100),
                toExchange, outbox, errors.get(), refused.get(),
                numbers.size() - stored,
                new java.util.TreeMap<>(statuses.entrySet().stream().filter(e -> e.getKey().contains(":"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))),
                jvmCpuSeconds, sorted.isEmpty() ? 0 : jvmCpuSeconds * 1000 / sorted.size(),
                machineBusySeconds, sorted.isEmpty() ? 0 : machineBusySeconds * 1000 / sorted.size(), machineCores,
                Runtime.getRuntime().availableProcessors(), perProcess);
        Path out = Path.of("target", "load", "check-submit.txt");
        Files.createDirectories(out.getParent());
        if (statements) {
            StringBuilder top = new StringBuilder("statements of the timed step (per submission: calls, ms executing, ms planning"
                    + " — planning only with pg_stat_statements.track_planning=on):\n");
            jdbc.sql("""
                            select calls, total_exec_time as ms, total_plan_time as plan, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q
                            from pg_stat_statements order by total_exec_time + total_plan_time desc limit 25""")
                    .query((rs, n) -> top.append(String.format(Locale.ROOT, "  %6.2f %7.3f %7.3f  %s%n",
                            rs.getLong("calls") / (double) Math.max(1, micros.size()),
                            rs.getDouble("ms") / Math.max(1, micros.size()), rs.getDouble("plan") / Math.max(1, micros.size()),
                            rs.getString("q"))))
                    .list();
            jdbc.sql("select sum(calls) as calls, sum(total_exec_time) as ms, sum(total_plan_time) as plan from pg_stat_statements")
                    .query((rs, n) -> top.append(String.format(Locale.ROOT, "  %6.2f %7.3f %7.3f  all statements%n",
                            rs.getLong("calls") / (double) Math.max(1, micros.size()),
                            rs.getDouble("ms") / Math.max(1, micros.size()), rs.getDouble("plan") / Math.max(1, micros.size()))))
                    .list();
            double[] wal1 = wal();
            double per = Math.max(1, micros.size());
            top.append(String.format(Locale.ROOT, "WAL of the timed step per submission: %.0f bytes, %.1f records, %.2f full-page"
                            + " images, %.3f WAL flushes (fsync); checkpoints %.0f%n", (wal1[0] - wal0[0]) / per,
                    (wal1[1] - wal0[1]) / per, (wal1[2] - wal0[2]) / per, (wal1[3] - wal0[3]) / per, wal1[4] - wal0[4]));
            report += top;
        }
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(sorted).isNotEmpty();
    }

    /** The platform database's WAL so far: bytes, records, full-page images, flushes, checkpoints. */
    private double[] wal() {
        return jdbc.sql("""
                        select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') as bytes, w.wal_records, w.wal_fpi, w.wal_sync,
                               c.checkpoints_timed + c.checkpoints_req as checkpoints
                        from pg_stat_wal w, pg_stat_bgwriter c""")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)})
                .single();
    }

    /** One untimed check and submission (a refusal warms the same code). */
    void warmUp(Map<String, UUID> childOf, String g) {
        applications.check(parent(g), childOf.get(g), Locale.SIMPLIFIED_CHINESE, "127.0.0.1");
        try {
            applications.submit(parent(g), childOf.get(g), new SubmitRequest(null, null, null, true, "", "load-" + g), "127.0.0.1");
        } catch (org.xuewei.platform.application.ApplicationRefusedException e) {
            // counted nowhere: the warm-up only runs the code
        }
    }

    interface Work {
        void on(String guardian) throws Exception;
    }

    /** Requests, callers' batches and look-ups sent to the exchange so far (the registry client's meters). */
    private double[] exchangeCounters() {
        String[] names = {"xuewei.registry.requests", "xuewei.registry.batches", "xuewei.registry.lookups"};
        double[] counts = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            io.micrometer.core.instrument.FunctionCounter c = meters.find(names[i]).functionCounter();
            counts[i] = c == null ? 0 : c.count();
        }
        return counts;
    }

    static void run(List<String> items, int concurrency, long maxSeconds, Work work, AtomicInteger errors)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        for (String item : items) {
            pool.submit(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                try {
                    work.on(item);
                } catch (Exception e) {
                    if (errors.incrementAndGet() <= 5) {
                        System.err.println("load error: " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 60, TimeUnit.SECONDS);
        pool.shutdownNow();
    }

    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Busy and total jiffies (1/100 s) of all cores (first line of /proc/stat; zeros where there is none). */
    static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (Exception e) {
            return new long[]{0, 0};
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }

    static Parent parent(String idNumber) {
        return new Parent("load-" + idNumber.hashCode(), "家长", idNumber);
    }

    String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString((registry.clientId() + ":" + registry.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + String.join("%2E", "registry", "read")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("access_token").asString();
    }

    JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** The outbox's messages so far, and how many of them are delivered. */
    private long[] outboxCounts() {
        return jdbc.sql("select count(*), count(delivered_at) from notification.outbox")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

}
