import java.net.URI;
import java.net.http.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

/**
 * The exchange alone under load: C callers each sending POST /exchange/v1/batch back to back for S seconds through one
 * JDK HttpClient (HTTP/1.1, as the platform), 2 s timeout; prints batches/s, failures, latency percentiles and the
 * items' outcomes. Loopback only, at most 500 callers and 120 s. Needs the demo profile (demo secrets, guardian listing).
 * MIX is {@code login} (default: the login's 2 items, hukou and births of a demo guardian) or {@code check} (a one-click
 * check's ≈ 11 items in its 2 batches, alternating 6 and 5 items about a demo guardian) or {@code merged} (batches of 50
 * items as a client merging many parents' look-ups sends them: the one-click check's 11 items of one guardian after
 * another, a batch ending inside a guardian's items). With the exchange JVM's PID, it also reads that process's CPU time
 * (utime + stime in /proc/PID/stat) before and after the run and prints the CPU seconds per 1,000 batches and per
 * 1,000 items — the numbers that matter on a machine shared with the platform and PostgreSQL.
 *
 * With the PID of the exchange's PostgreSQL postmaster as well (first line of its data directory's postmaster.pid), the
 * same for that server and its processes.
 *
 *   java scripts/load/BatchProbe.java http://127.0.0.1:8090 200 20 [login|check|merged] [EXCHANGE_PID [POSTMASTER_PID]]
 */
public class BatchProbe {
    public static void main(String[] a) throws Exception {
        String base = a[0]; int c = Integer.parseInt(a[1]); int seconds = Integer.parseInt(a[2]);
        String mix = a.length > 3 ? a[3] : "login";
        long pid = a.length > 4 ? Long.parseLong(a[4]) : -1;
        long pgPid = a.length > 5 ? Long.parseLong(a[5]) : -1;
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+") || c < 1 || c > 500 || seconds < 1 || seconds > 120
                || !List.of("login", "check", "merged").contains(mix)) {
            System.err.println("usage: BatchProbe http://127.0.0.1:PORT callers(1-500) seconds(1-120) [login|check|merged] [EXCHANGE_PID [POSTMASTER_PID]]; loopback only");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = Base64.getEncoder().encodeToString("xuewei-platform:demo-platform-secret".getBytes());
        String tok = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=registry.read")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tok); m.find(); String token = m.group(1);
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/exchange/admin/demo/guardians?offset=0&limit=1000")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>(); Matcher im = Pattern.compile("\"idNumber\":\"([0-9X]{18})\"").matcher(page); while (im.find()) ids.add(im.group(1));
        System.out.println("guardians " + ids.size());
        List<Long> lat = Collections.synchronizedList(new ArrayList<>()); AtomicInteger fail = new AtomicInteger(); AtomicInteger n = new AtomicInteger();
        AtomicLong itemsSent = new AtomicLong();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>(); Pattern outcome = Pattern.compile("\"outcome\":\"([A-Z_]+)\"");
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long cpu0 = pid > 0 ? cpuTicks(pid) : 0;
        Map<String, Long> jit0 = pid > 0 ? compilerTicks(pid) : Map.of();
        Map<Long, Long> kids0 = pgPid > 0 ? treeTicks(pgPid) : Map.of();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(c);
        for (int t = 0; t < c; t++) pool.submit(() -> {
            while (System.nanoTime() < end) {
                int k = n.getAndIncrement();
                String[][] items = mix.equals("merged") ? new String[MERGED][] : mix.equals("login") ? LOGIN : k % 2 == 0 ? CHECK_1 : CHECK_2;
                String[] keys = new String[items.length];
                for (int i = 0; i < items.length; i++) {
                    if (mix.equals("merged")) { // the check's items of guardian after guardian
                        long g = (long) k * MERGED + i;
                        items[i] = CHECK[(int) (g % CHECK.length)];
                        keys[i] = ids.get((int) (g / CHECK.length % ids.size()));
                    } else {
                        keys[i] = ids.get(k % ids.size());
                    }
                }
                itemsSent.addAndGet(items.length);
                StringBuilder body = new StringBuilder("{\"timeoutMs\":1900,\"items\":[");
                for (int i = 0; i < items.length; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"registry\":\"").append(items[i][0]).append("\",\"operation\":\"").append(items[i][1])
                            .append("\",\"key\":\"").append(keys[i]).append("\"}");
                }
                body.append("]}");
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/exchange/v1/batch")).timeout(java.time.Duration.ofSeconds(2))
                            .header("Authorization", "Bearer " + token).header("purpose", "load-probe").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()).join();
                    if (r.statusCode() != 200) { fail.incrementAndGet(); firstFailure.compareAndSet(null, r.statusCode() + " " + r.body()); } else {
                        lat.add((System.nanoTime() - s) / 1_000_000);
                        for (Matcher om = outcome.matcher(r.body()); om.find(); ) outcomes.merge(om.group(1), 1, Integer::sum);
                    }
                } catch (Exception e) { fail.incrementAndGet(); firstFailure.compareAndSet(null, e.toString()); }
            }
            return null;
        });
        pool.shutdown(); pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        long cpu1 = pid > 0 ? cpuTicks(pid) : 0;
        Map<String, Long> jit1 = pid > 0 ? compilerTicks(pid) : Map.of();
        Map<Long, Long> kids1 = pgPid > 0 ? treeTicks(pgPid) : Map.of();
        long kids = kids1.entrySet().stream().mapToLong(e -> e.getValue() - kids0.getOrDefault(e.getKey(), 0L)).sum();
        long jit = jit1.entrySet().stream().mapToLong(e -> e.getValue() - jit0.getOrDefault(e.getKey(), 0L)).sum();
        if (firstFailure.get() != null) System.out.println("first failure: " + firstFailure.get());
        List<Long> l = new ArrayList<>(lat); Collections.sort(l);
        if (l.isEmpty()) { System.out.println("no batch answered (" + fail.get() + " failed)"); System.exit(1); }
        System.out.printf("ok %d fail %d in %ds = %.1f/s; p50 %d p90 %d p99 %d max %d ms%n", l.size(), fail.get(), seconds, l.size() / (double) seconds,
                l.get(l.size() / 2), l.get(l.size() * 9 / 10), l.get(Math.max(0, l.size() * 99 / 100 - 1)), l.get(l.size() - 1));
        System.out.println("item outcomes " + new TreeMap<>(outcomes));
        if (pid > 0) {
            double cpu = (cpu1 - cpu0) / 100.0; // USER_HZ: 100 on Linux
            int batches = Math.max(1, l.size() + fail.get());
            long its = Math.max(1, itemsSent.get());
            System.out.printf("exchange pid %d: %.1f CPU s in the run = %.2f CPU s per 1,000 batches; of which JIT compiler threads %.1f s, "
                    + "the rest %.2f CPU s per 1,000 batches%n", pid, cpu, cpu * 1000 / batches, jit / 100.0, (cpu - jit / 100.0) * 1000 / batches);
            System.out.printf("items %d: exchange %.3f CPU s per 1,000 items (w/o JIT %.3f)%n", its, cpu * 1000 / its, (cpu - jit / 100.0) * 1000 / its);
            if (!kids1.isEmpty()) {
                System.out.printf("PostgreSQL (postmaster %d and its processes): %.1f CPU s = %.2f CPU s per 1,000 batches = %.3f CPU s per 1,000 items%n",
                        pgPid, kids / 100.0, kids / 100.0 * 1000 / batches, kids / 100.0 * 1000 / its);
            }
        }
        System.exit(0);
    }

    static final String[][] LOGIN = {{"HUKOU", "households-of-person"}, {"BIRTH", "births-of-parent"}};
    static final String[][] CHECK_1 = {{"HUKOU", "households-of-person"}, {"CIVIL_AFFAIRS", "civil-affairs-of-person"}, {"HUKOU", "person"},
            {"PREFERENTIAL", "preferential-of-person"}, {"PROPERTY", "units-of-person"}, {"STUDENT_STATUS", "student-status-of-person"}};
    static final String[][] CHECK_2 = {{"PROPERTY", "units-of-person"}, {"CONTRACT", "contracts-of-person"}, {"RENTAL", "rentals-of-person"},
            {"RESIDENCE_PERMIT", "permits-of-person"}, {"SOCIAL_INSURANCE", "insurance-of-person"}};

    /** A merging client's batch: its most items. */
    static final int MERGED = 50;
    /** The one-click check's items about one guardian (both of its batches). */
    static final String[][] CHECK = java.util.stream.Stream.concat(Arrays.stream(CHECK_1), Arrays.stream(CHECK_2)).toArray(String[][]::new);

    /** utime + stime of a process and every process descending from it (a postmaster and its server processes), by pid. */
    static Map<Long, Long> treeTicks(long root) throws java.io.IOException {
        Map<Long, long[]> all = new HashMap<>(); // pid -> {ppid, ticks}
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    all.put(Long.parseLong(p.getFileName().toString()), new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (java.io.IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
        Map<Long, Long> ticks = new HashMap<>();
        for (var e : all.entrySet()) {
            if (e.getKey() == root) {
                ticks.put(root, e.getValue()[1]);
            }
            for (long up = e.getValue()[0]; up > 1 && all.containsKey(up); up = all.get(up)[0]) {
                if (up == root) {
                    ticks.put(e.getKey(), e.getValue()[1]);
                    break;
                }
            }
        }
        return ticks;
    }

    /** utime + stime of each JIT compiler thread (C1/C2 CompilerThread) of a process, by thread id. */
    static Map<String, Long> compilerTicks(long pid) throws java.io.IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + pid + "/task"))) {
            for (var t : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(t.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    }
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat, counted after the command name). */
    static long cpuTicks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
