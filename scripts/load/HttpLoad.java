import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-click check + submit over HTTP with real OIDC sessions, against a running {@code ./xuewei demo} (demo profile on
 * both sides; loopback only). Parents come from the exchange's demo guardian listing (ID number and the city app's
 * mobile number). Each parent signs in as a browser does (not timed): the platform's {@code /parent} redirects to the
 * exchange's identity provider (authorization code + PKCE, chosen by the platform), the phone gets a one-time code (the
 * demo shows it on the page), the code signs in, the callback gives the platform's session cookie, and {@code /parent}
 * gives the CSRF token. Then C parents at once (closed loop) each do what the mobile page does through {@code /api/v1}:
 * the children, the one-click check, and the submission of the page's default choice (first home's first zoned school)
 * with consent and a fresh {@code Idempotency-Key} (header {@code X-CSRF-TOKEN}). Afterwards every application
 * answered is read back with its parent's session; one that is not readable is lost.
 *
 * <p>Errors are every non-2xx answer other than the documented refusals ({@link #REFUSALS}), exceptions and timeouts,
 * failed logins and malformed answers; the exit status is 1 when there is any error or any lost application, so a run
 * never hides a failure. The report gives the CPU each process used per submission in the timed step (/proc: the
 * platform's and the exchange's JVM, found by their {@code --server.port}, this driver, the whole machine). Bounded: at most 20,000 parents, 1,000 at once and 600 s per phase (logins, timed step,
 * read-back). Writes the report to {@code --out} (default {@code target/load/http-check-submit.txt}).
 *
 * <pre>
 *   java scripts/load/HttpLoad.java --platform http://127.0.0.1:8080 --exchange http://127.0.0.1:8090 \
 *       --parents 200 --concurrency 20 --seconds 120
 * </pre>
 * Other options: {@code --offset N} (skip the first N listed families), {@code --login-concurrency 32},
 * {@code --warm-up 40} (parents checked and submitted 8 at a time before the timed step; not timed, but their
 * errors and read-back count), {@code --reads 0} (afterwards each parent lists its children and reads its application
 * that many times, C at once, no registry asked: the platform's CPU per request on its HTTP path), {@code --timeout 30} (seconds per request), {@code --raise-rate-limit true} (the
 * exchange's per-registry rate limit to 100,000/s for the run through its admin API, latency and the other settings
 * kept; restored afterwards), {@code --admin-secret}, {@code --platform-secret} (the demo's by default),
 * {@code --commit}, {@code --out}.
 */
public class HttpLoad {

    /** Refusals the parent's API documents as answers to a well-formed submission (400/409 problem {@code code}). */
    static final Set<String> REFUSALS = Set.of("application.error.no-home", "application.error.registry-unavailable",
            "application.error.window-closed", "application.error.duplicate");
    static final int MAX_PARENTS = 20_000;
    static final int MAX_CONCURRENCY = 1_000;
    static final int MAX_SECONDS = 600;
    static final Pattern LOOPBACK = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):\\d{1,5}");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern DEMO_CODE = Pattern.compile("id=\"code\"[^>]*value=\"(\\d{6})\"");
    static final String HTML = "text/html,application/xhtml+xml";
    static final String JSON_TYPE = "application/json";

    record Options(String platform, String exchange, int offset, int parents, int concurrency, int loginConcurrency,
                   int warmUp, int reads, int seconds, int timeout, boolean raiseRateLimit, String adminSecret,
                   String platformSecret, String commit, Path out) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("options come as --name value: " + args[i]);
                }
                o.put(args[i].substring(2), args[++i]);
            }
            Set<String> known = Set.of("platform", "exchange", "offset", "parents", "concurrency", "login-concurrency",
                    "warm-up", "reads", "seconds", "timeout", "raise-rate-limit", "admin-secret", "platform-secret", "commit", "out");
            for (String k : o.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k + "; known: " + new TreeSet<>(known));
                }
            }
            Options p = new Options(o.getOrDefault("platform", "http://127.0.0.1:8080"),
                    o.getOrDefault("exchange", "http://127.0.0.1:8090"),
                    Integer.parseInt(o.getOrDefault("offset", "0")), Integer.parseInt(o.getOrDefault("parents", "200")),
                    Integer.parseInt(o.getOrDefault("concurrency", "20")),
                    Integer.parseInt(o.getOrDefault("login-concurrency", "32")),
                    Integer.parseInt(o.getOrDefault("warm-up", "40")), Integer.parseInt(o.getOrDefault("reads", "0")),
                    Integer.parseInt(o.getOrDefault("seconds", "120")),
                    Integer.parseInt(o.getOrDefault("timeout", "30")),
                    Boolean.parseBoolean(o.getOrDefault("raise-rate-limit", "true")),
                    o.getOrDefault("admin-secret", "demo-admin-secret"),
                    o.getOrDefault("platform-secret", "demo-platform-secret"), o.getOrDefault("commit", commitOf()),
                    Path.of(o.getOrDefault("out", "target/load/http-check-submit.txt")));
            if (!LOOPBACK.matcher(p.platform).matches() || !LOOPBACK.matcher(p.exchange).matches()) {
                throw new IllegalArgumentException("loopback only: http://127.0.0.1:PORT or http://localhost:PORT");
            }
            if (p.parents < 1 || p.parents > MAX_PARENTS || p.offset < 0 || p.concurrency < 1
                    || p.concurrency > MAX_CONCURRENCY || p.loginConcurrency < 1 || p.loginConcurrency > MAX_CONCURRENCY
                    || p.warmUp < 0 || p.warmUp > MAX_PARENTS || p.reads < 0 || p.reads > 100 || p.seconds < 1 || p.seconds > MAX_SECONDS
                    || p.timeout < 1 || p.timeout > MAX_SECONDS) {
                throw new IllegalArgumentException("bounded: parents 1–" + MAX_PARENTS + ", reads 0–100, concurrency 1–"
                        + MAX_CONCURRENCY + ", seconds and timeout 1–" + MAX_SECONDS);
            }
            return p;
        }
    }

    /** A listed family's guardian (the ID number is never printed) and, once signed in, the browser's state. */
    static final class Parent {
        final String familyNo;
        final String idNumber;
        final String phone;
        final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;

        Parent(String familyNo, String idNumber, String phone) {
            this.familyNo = familyNo;
            this.idNumber = idNumber;
            this.phone = phone;
        }
    }

    /** An application the platform answered, to be read back. */
    record Answered(Parent parent, String id, String number) {
    }

    /** A failure with its kind (counted) and details (the first few printed). */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String kind;

        Failure(String kind, String detail) {
            super(detail);
            this.kind = kind;
        }
    }

    /** Counters of one phase (warm-up or timed). */
    static final class Stats {
        final List<Long> children = Collections.synchronizedList(new ArrayList<>());
        final List<Long> check = Collections.synchronizedList(new ArrayList<>());
        final List<Long> submit = Collections.synchronizedList(new ArrayList<>());
        final List<Long> checkAndSubmit = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger existing = new AtomicInteger();
        final AtomicInteger incompleteChecks = new AtomicInteger();
        final AtomicInteger notStarted = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicLong lastEnd = new AtomicLong();

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    final Options options;
    final HttpClient http;
    final AtomicInteger printed = new AtomicInteger();

    HttpLoad(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        // the parents' connections are kept between requests (the JDK keeps 5 per server by default), and a POST is
        // never sent twice behind the driver's back
        System.setProperty("http.maxConnections", String.valueOf(MAX_CONCURRENCY));
        System.setProperty("sun.net.http.retryPost", "false");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("HttpLoad: " + e.getMessage());
            System.err.println("usage: java scripts/load/HttpLoad.java --platform http://127.0.0.1:8080 "
                    + "--exchange http://127.0.0.1:8090 --parents 200 --concurrency 20 --seconds 120 (see the header)");
            System.exit(2);
            return;
        }
        System.exit(new HttpLoad(options).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("HTTP check+submit load run: platform " + options.platform + ", exchange " + options.exchange);
        report.add("commit: " + options.commit);
        report.add("load average before: " + loadAverage());
        String token = clientToken("xuewei-exchange-admin", options.adminSecret, "exchange.admin");
        Map<String, Object> faults = asMap(get(options.exchange + "/exchange/admin/faults", token));
        report.add("exchange registries: " + describe(faults));
        boolean[] restored = {!options.raiseRateLimit};
        Thread restore = new Thread(() -> restoreFaults(faults, restored));
        if (options.raiseRateLimit) {
            Runtime.getRuntime().addShutdownHook(restore);
            for (Map.Entry<String, Object> e : faults.entrySet()) {
                Map<String, Object> raised = new LinkedHashMap<>(asMap(e.getValue()));
                raised.put("rateLimitPerSecond", 100_000);
                put(options.exchange + "/exchange/admin/faults/" + e.getKey(), token, Json.write(raised));
            }
            report.add("rate limit raised to 100000/s per registry for the run (latency, error rate, outages kept; "
                    + "restored afterwards)");
        }
        try {
            return measure(report);
        } finally {
            restoreFaults(faults, restored);
            if (options.raiseRateLimit) {
                Runtime.getRuntime().removeShutdownHook(restore);
            }
        }
    }

    boolean measure(List<String> report) throws Exception {
        List<Parent> listed = guardians();
        long withoutPhone = listed.stream().filter(p -> p.phone == null).count();
        List<Parent> parents = listed.stream().filter(p -> p.phone != null).toList();
        report.add(String.format(Locale.ROOT, "parents: %d listed from offset %d (%d without a phone left out), "
                        + "concurrency %d, logins %d at once, warm-up %d, request timeout %d s, at most %d s per phase",
                listed.size(), options.offset, withoutPhone, options.concurrency, options.loginConcurrency,
                options.warmUp, options.timeout, options.seconds));

        // logins: the real OIDC flow, not timed
        Map<String, AtomicInteger> loginFailures = new ConcurrentHashMap<>();
        List<Parent> signedIn = Collections.synchronizedList(new ArrayList<>());
        long l0 = System.nanoTime();
        int notTried = phase(parents, options.loginConcurrency, parent -> {
            try {
                login(parent);
                signedIn.add(parent);
            } catch (Failure f) {
                count(loginFailures, f.kind);
                printFailure("login", parent, f);
            } catch (RuntimeException e) {
                count(loginFailures, e.getClass().getSimpleName());
                printFailure("login", parent, new Failure("login", String.valueOf(e)));
            }
        });
        int loginFailed = loginFailures.values().stream().mapToInt(AtomicInteger::get).sum();
        report.add(String.format(Locale.ROOT, "logins (not timed): %d signed in, %d failed %s, %d not tried (time limit) "
                + "in %.1f s", signedIn.size(), loginFailed, counts(loginFailures), notTried, seconds(l0)));
        List<Parent> ordered = new ArrayList<>(parents);
        ordered.retainAll(Set.copyOf(signedIn));

        int warmUp = Math.min(options.warmUp, ordered.size() / 2);
        Stats warm = new Stats();
        if (warmUp > 0) {
            long w0 = System.nanoTime();
            phase(ordered.subList(0, warmUp), Math.min(8, options.concurrency), p -> apply(p, warm));
            report.add(String.format(Locale.ROOT, "warm-up (not timed): %d parents in %.1f s: %d submitted, "
                            + "refused %s, errors %d %s, skipped %s", warmUp, seconds(w0), warm.created.get()
                            + warm.existing.get(), counts(warm.refusals), warm.errorCount(), counts(warm.errors),
                    counts(warm.skipped)));
        }

        Stats timed = new Stats();
        List<Parent> timedParents = ordered.subList(warmUp, ordered.size());
        Cpu cpu = Cpu.of(options.platform, options.exchange);
        System.err.println("timed step: " + timedParents.size() + " parents, " + options.concurrency + " at once");
        Map<String, Long> cpu0 = cpu.sample();
        long t0 = System.nanoTime();
        timed.notStarted.set(phase(timedParents, options.concurrency, p -> apply(p, timed)));
        Map<String, Long> cpu1 = cpu.sample();
        double elapsed = Math.max(timed.lastEnd.get() - t0, 1) / 1e9;
        int submitted = timed.created.get() + timed.existing.get();
        report.add(String.format(Locale.ROOT, "timed step: %d parents started, %d at once, %d not started (time limit), "
                        + "%.1f s", timed.started.get(), options.concurrency, timed.notStarted.get(), elapsed));
        report.add(String.format(Locale.ROOT, "submitted: %d (%d created, %d answered as existing) = %.1f "
                + "submissions/s", submitted, timed.created.get(), timed.existing.get(), submitted / elapsed));
        report.add("statuses of the submitted: " + counts(timed.statuses));
        report.add("refused (documented refusals): " + sum(timed.refusals) + " " + counts(timed.refusals));
        report.add("errors: " + timed.errorCount() + " " + counts(timed.errors));
        report.add("skipped (no child to apply for): " + sum(timed.skipped) + " " + counts(timed.skipped));
        report.add("checks incomplete (a registry did not answer): " + timed.incompleteChecks.get());
        report.add("latency in ms (answered requests; errors excluded), p50 / p99 / max:");
        report.add("  children      " + percentiles(timed.children));
        report.add("  check         " + percentiles(timed.check));
        report.add("  submit        " + percentiles(timed.submit));
        report.add("  check+submit  " + percentiles(timed.checkAndSubmit) + " (per parent)");
        report.add(cpu.report(cpu0, cpu1, submitted, elapsed));

        // read back every application answered (warm-up and timed) with its parent's session
        List<Answered> all = new ArrayList<>(warm.answered);
        all.addAll(timed.answered);
        Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();
        AtomicInteger readBack = new AtomicInteger();
        int notRead = phase(all, Math.min(options.concurrency, 32), a -> {
            try {
                Answer r = send(a.parent(), "GET", options.platform + "/api/v1/parent/applications/"
                        + a.id(), JSON_TYPE, null, null);
                Object number = r.statusCode() == 200 ? asMap(Json.parse(r.body())).get("number") : null;
                if (a.number().equals(number)) {
                    readBack.incrementAndGet();
                } else {
                    String kind = r.statusCode() == 200 ? "another number" : "HTTP " + r.statusCode();
                    count(lost, kind);
                    printFailure("read-back", a.parent(), new Failure(kind, a.number() + ": " + r.body()));
                }
            } catch (Failure f) {
                count(lost, f.kind);
                printFailure("read-back", a.parent(), f);
            } catch (RuntimeException e) {
                count(lost, e.getClass().getSimpleName());
                printFailure("read-back", a.parent(), new Failure("read-back", String.valueOf(e)));
            }
        });
        int lostCount = sum(lost) + notRead;
        report.add(String.format(Locale.ROOT, "read back: %d of %d answered applications (warm-up and timed); lost %d %s%s",
                readBack.get(), all.size(), lostCount, counts(lost), notRead > 0 ? ", " + notRead + " not read (time limit)" : ""));
        int readErrors = options.reads > 0 ? reads(all, report) : 0;
        report.add("load average after: " + loadAverage());

        int errors = timed.errorCount() + warm.errorCount() + loginFailed + readErrors;
        boolean ok = errors == 0 && lostCount == 0 && submitted > 0 && notTried == 0;
        List<Long> perParent = sorted(timed.checkAndSubmit);
        report.add(String.format(Locale.ROOT, "targets (issue 6: ≥ 300 submissions/s, p99 ≤ 500 ms, 0 errors, 0 lost): %s",
                ok && submitted / elapsed >= 300 && !perParent.isEmpty() && pct(perParent, 99) <= 500 ? "met" : "not met"));
        report.add(ok ? "result: PASS (no errors, nothing lost)"
                : "result: FAIL (" + errors + " errors including logins and warm-up, " + lostCount + " lost, "
                + submitted + " submitted, " + notTried + " logins not tried)");
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        Files.writeString(options.out, text);
        System.out.print(text);
        System.out.println("report: " + options.out);
        return ok;
    }

    /**
     * {@code --reads N}: each parent whose application was answered asks N times for its children and its application,
     * C at once, after the read-back. No registry is asked (the listing is kept, the application is in the database),
     * so the platform's CPU per request measures its HTTP path (Tomcat, security, session, JSON) plus a read and the
     * access log's write, steadier than the check on a busy machine. Returns the number of errors (non-200 answers,
     * another application number).
     */
    int reads(List<Answered> all, List<String> report) throws InterruptedException {
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        Cpu cpu = Cpu.of(options.platform, options.exchange);
        System.err.println("reads: " + all.size() + " parents × " + options.reads);
        Map<String, Long> cpu0 = cpu.sample();
        long r0 = System.nanoTime();
        int notRead = phase(all, options.concurrency, a -> {
            for (int i = 0; i < options.reads; i++) {
                try {
                    ok(send(a.parent(), "GET", options.platform + "/api/v1/parent/children", JSON_TYPE, null, null),
                            "children");
                    Answer r = ok(send(a.parent(), "GET", options.platform
                            + "/api/v1/parent/applications/" + a.id(), JSON_TYPE, null, null), "application");
                    requests.addAndGet(2);
                    if (!a.number().equals(asMap(Json.parse(r.body())).get("number"))) {
                        count(errors, "another number");
                    }
                } catch (Failure f) {
                    count(errors, f.kind);
                    printFailure("reads", a.parent(), f);
                }
            }
        });
        Map<String, Long> cpu1 = cpu.sample();
        double s = seconds(r0);
        report.add(String.format(Locale.ROOT, "reads (--reads %d, no registry asked): %d requests (children + "
                + "application) in %.1f s = %.0f/s, errors %d %s%s", options.reads, requests.get(), s,
                requests.get() / s, sum(errors), counts(errors), notRead > 0 ? ", " + notRead + " parents not started" : ""));
        report.add(cpu.report(cpu0, cpu1, requests.get(), s).replace("per submission in the timed step",
                "per read request"));
        return sum(errors) + notRead;
    }

    // --- one parent ------------------------------------------------------------------------------------------------

    /** The browser's sign-in: platform → city identity provider (code on the demo page) → platform session + CSRF. */
    void login(Parent p) throws Failure {
        Answer r = follow(p, send(p, "GET", options.platform + "/parent", HTML, null, null));
        expect(r, options.exchange, "/login", "login page");
        r = follow(p, send(p, "POST", options.exchange + "/login/code", HTML,
                form(Map.of("phone", p.phone, "_csrf", token(CSRF, r, "login csrf"))), null));
        expect(r, options.exchange, "/login", "code page");
        String code = token(DEMO_CODE, r, "demo code");
        r = follow(p, send(p, "POST", options.exchange + "/login", HTML,
                form(Map.of("phone", p.phone, "code", code, "_csrf", token(CSRF, r, "code csrf"))), null));
        expect(r, options.platform, "/parent", "children page");
        p.csrf = token(CSRF, r, "platform csrf");
    }

    /** What the mobile page does, through /api/v1: children, one-click check, submit the default choice. */
    void apply(Parent p, Stats stats) {
        stats.started.incrementAndGet();
        String step = "children";
        try {
            long a = System.nanoTime();
            Answer r = ok(send(p, "GET", options.platform + "/api/v1/parent/children", JSON_TYPE, null,
                    null), step);
            List<Object> children = asList(Json.parse(r.body()));
            long b = System.nanoTime();
            stats.children.add(b - a);
            Map<String, Object> child = null;
            for (Object c : children) {
                if (asMap(c).get("applicationId") == null) {
                    child = asMap(c);
                    break;
                }
            }
            if (child == null) {
                count(stats.skipped, children.isEmpty() ? "no child listed" : "every child already applied");
                return;
            }
            step = "check";
            r = ok(send(p, "GET", options.platform + "/api/v1/parent/children/" + child.get("ref") + "/check",
                    JSON_TYPE, null, null), step);
            Map<String, Object> check = asMap(Json.parse(r.body()));
            long c = System.nanoTime();
            stats.check.add(c - b);
            if (!Boolean.TRUE.equals(check.get("complete"))) {
                stats.incompleteChecks.incrementAndGet();
            }
            // the page's default: the first home's first zoned school checked, else no choice (the service picks)
            Map<String, Object> body = new LinkedHashMap<>();
            List<Object> homes = asList(check.get("homes"));
            List<Object> schools = homes.isEmpty() ? List.of() : asList(asMap(homes.get(0)).get("schools"));
            body.put("homeId", schools.isEmpty() ? null : asMap(homes.get(0)).get("id"));
            body.put("publicSchool", schools.isEmpty() ? null : asMap(schools.get(0)).get("code"));
            body.put("privateSchool", null);
            body.put("consent", true);
            body.put("note", "");
            step = "submit";
            r = send(p, "POST", options.platform + "/api/v1/parent/children/" + child.get("ref") + "/applications",
                    JSON_TYPE, Json.write(body), Map.of("Idempotency-Key", UUID.randomUUID().toString(),
                            "X-CSRF-TOKEN", p.csrf, "Content-Type", JSON_TYPE));
            long d = System.nanoTime();
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                Map<String, Object> view = asMap(Json.parse(r.body()));
                if (!(view.get("id") instanceof String id) || !(view.get("number") instanceof String number)) {
                    throw new Failure("submit answer without id or number", r.body());
                }
                (r.statusCode() == 201 ? stats.created : stats.existing).incrementAndGet();
                count(stats.statuses, String.valueOf(view.get("status")));
                stats.answered.add(new Answered(p, id, number));
            } else {
                Object refusal = r.statusCode() == 400 || r.statusCode() == 409
                        ? asMap(Json.parse(r.body())).get("code") : null;
                if (!REFUSALS.contains(refusal)) {
                    throw new Failure("submit HTTP " + r.statusCode() + (refusal == null ? "" : " " + refusal), r.body());
                }
                count(stats.refusals, (String) refusal);
            }
            stats.submit.add(d - c);
            stats.checkAndSubmit.add(d - b);
        } catch (Failure f) {
            String kind = f.kind.startsWith(step) || f.kind.startsWith("submit") ? f.kind : step + ": " + f.kind;
            count(stats.errors, kind);
            printFailure("timed", p, f);
        } catch (RuntimeException e) {
            count(stats.errors, step + ": " + e.getClass().getSimpleName());
            printFailure("timed", p, new Failure(step, String.valueOf(e)));
        } finally {
            stats.lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    // --- HTTP as a browser: one cookie jar per parent (cookies ignore ports, as in a browser) ---------------------

    /**
     * An answer to a parent's request: status, body, the URI asked and the headers. The parents' requests go through
     * {@link HttpURLConnection} (blocking, keep-alive): the JDK's {@link HttpClient} handed every request between
     * the caller's thread, its selector thread and its executor, and cost the driver about twice the CPU per request
     * on this machine (async-profiler on the driver), CPU taken from the platform on the same 2 cores.
     */
    record Answer(int statusCode, String body, URI uri, Map<String, List<String>> headers) {

        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach((k, v) -> {
                if (k != null && k.equalsIgnoreCase(name)) {
                    values.addAll(v);
                }
            });
            return values;
        }
    }

    Answer send(Parent p, String method, String url, String accept, String body,
                Map<String, String> headers) throws Failure {
        URI uri = URI.create(url);
        if (!LOOPBACK.matcher(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).matches()) {
            throw new Failure("left loopback", url);
        }
        String cookies;
        synchronized (p.cookies) {
            cookies = String.join("; ", p.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        Answer r;
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(options.timeout * 1000);
            c.setRequestMethod(method);
            c.setRequestProperty("Accept", accept);
            c.setRequestProperty("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
            if (headers != null) {
                headers.forEach(c::setRequestProperty);
            }
            if (!cookies.isEmpty()) {
                c.setRequestProperty("Cookie", cookies);
            }
            if (body != null) {
                if (headers == null || !headers.containsKey("Content-Type")) {
                    c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                try (var out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            String text;
            try (var in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is kept
            }
            r = new Answer(status, text, uri, c.getHeaderFields());
        } catch (SocketTimeoutException e) {
            throw new Failure("timeout", method + " " + uri.getPath() + " after " + options.timeout + " s");
        } catch (IOException e) {
            throw new Failure(e.getClass().getSimpleName(), method + " " + uri.getPath() + ": " + e.getMessage());
        }
        synchronized (p.cookies) {
            for (String set : r.all("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        p.cookies.remove(name);
                    } else {
                        p.cookies.put(name, value);
                    }
                }
            }
        }
        return r;
    }

    Answer follow(Parent p, Answer r) throws Failure {
        for (int hops = 0; r.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new Failure("redirect loop", r.uri().toString());
            }
            String location = r.all("location").stream().findFirst().orElse(null);
            if (location == null) {
                throw new Failure("redirect without location", r.uri().toString());
            }
            r = send(p, "GET", r.uri().resolve(location).toString(), HTML, null, null);
        }
        return r;
    }

    static void expect(Answer r, String base, String path, String what) throws Failure {
        if (r.statusCode() != 200 || !r.uri().getPath().equals(path)
                || !(r.uri().getScheme() + "://" + r.uri().getAuthority()).equals(base)) {
            throw new Failure(what + ": HTTP " + r.statusCode() + " at " + r.uri().getPath()
                    + (r.uri().getQuery() == null ? "" : "?" + r.uri().getQuery()), "expected " + base + path + ", got " + r.uri()
                    + " " + abbreviate(r.body()));
        }
    }

    static String token(Pattern pattern, Answer r, String what) throws Failure {
        Matcher m = pattern.matcher(r.body());
        if (!m.find()) {
            throw new Failure("no " + what, r.uri() + " " + abbreviate(r.body()));
        }
        return m.group(1);
    }

    static Answer ok(Answer r, String step) throws Failure {
        if (r.statusCode() != 200) {
            throw new Failure(step + " HTTP " + r.statusCode(), abbreviate(r.body()));
        }
        return r;
    }

    static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    // --- the exchange's admin and registry APIs (client credentials) -----------------------------------------------

    String clientToken(String client, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.exchange + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token for " + client + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return (String) asMap(Json.parse(r.body())).get("access_token");
    }

    Object get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return Json.parse(r.body());
    }

    void put(String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", JSON_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Puts the exchange's settings back as they were found (a fresh token: the run may outlast the first). */
    void restoreFaults(Map<String, Object> faults, boolean[] restored) {
        synchronized (restored) {
            if (restored[0]) {
                return;
            }
            restored[0] = true;
            try {
                String token = clientToken("xuewei-exchange-admin", options.adminSecret, "exchange.admin");
                for (Map.Entry<String, Object> e : faults.entrySet()) {
                    put(options.exchange + "/exchange/admin/faults/" + e.getKey(), token, Json.write(e.getValue()));
                }
            } catch (Exception e) {
                System.err.println("could not restore the exchange's registry settings (DELETE /exchange/admin/faults "
                        + "resets them to the defaults): " + e);
            }
        }
    }

    /** The demo's guardian listing (ID number, phone) from --offset, as many as --parents. */
    List<Parent> guardians() throws Exception {
        String token = clientToken("xuewei-platform", options.platformSecret, "registry.read");
        List<Parent> parents = new ArrayList<>();
        for (int offset = options.offset; parents.size() < options.parents; offset += 1000) {
            List<Object> page = asList(asMap(get(options.exchange + "/exchange/admin/demo/guardians?offset=" + offset
                    + "&limit=1000", token)).get("guardians"));
            if (page.isEmpty()) {
                break;
            }
            for (Object o : page) {
                Map<String, Object> g = asMap(o);
                if (!g.containsKey("phone")) {
                    throw new IllegalStateException("the exchange's guardian listing has no phone (an older exchange?)");
                }
                if (parents.size() < options.parents) {
                    parents.add(new Parent((String) g.get("familyNo"), (String) g.get("idNumber"), (String) g.get("phone")));
                }
            }
        }
        return parents;
    }

    // --- CPU used in the timed step ---------------------------------------------------------------------------------

    /**
     * CPU time (utime + stime from /proc, clock ticks of 10 ms) of the platform's and the exchange's JVM (found by
     * their {@code --server.port=} on this machine), of this driver, and of the whole machine ({@code /proc/stat}, all
     * but idle and iowait), sampled before and after the timed step; reported per submission. A process not found is
     * left out of the report.
     */
    record Cpu(Map<String, Long> pids) {

        static final double TICK_MS = 10.0; // USER_HZ: 100 on Linux

        static Cpu of(String platform, String exchange) {
            Map<String, Long> pids = new LinkedHashMap<>();
            find(URI.create(platform).getPort()).ifPresent(pid -> pids.put("platform JVM", pid));
            find(URI.create(exchange).getPort()).ifPresent(pid -> pids.put("exchange JVM", pid));
            pids.put("load driver", ProcessHandle.current().pid());
            return new Cpu(pids);
        }

        /** The java process started with {@code --server.port=PORT}. */
        static java.util.Optional<Long> find(int port) {
            String arg = "--server.port=" + port;
            return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                    .map(a -> List.of(a).contains(arg)).orElse(false)).map(ProcessHandle::pid).findFirst();
        }

        Map<String, Long> sample() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> {
                try {
                    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // not readable (another user, or ended): left out
                }
            });
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]); // not idle, not iowait
                }
                ticks.put("machine", busy);
            } catch (IOException | RuntimeException e) {
                // no /proc/stat: left out
            }
            return ticks;
        }

        String report(Map<String, Long> before, Map<String, Long> after, int submitted, double seconds) {
            List<String> parts = new ArrayList<>();
            before.forEach((name, t0) -> {
                Long t1 = after.get(name);
                if (t1 != null) {
                    double ms = (t1 - t0) * TICK_MS;
                    parts.add(String.format(Locale.ROOT, "%s %.2f ms (%.2f cores)", name,
                            submitted > 0 ? ms / submitted : 0.0, ms / 1000 / Math.max(seconds, 1e-3)));
                }
            });
            return "CPU per submission in the timed step (/proc, " + submitted + "): " + String.join(", ", parts);
        }
    }

    // --- running and counting --------------------------------------------------------------------------------------

    interface Work<T> {
        void on(T item) throws Exception;
    }

    /** Runs the items on n threads until done or --seconds; returns how many were not started in time. */
    <T> int phase(List<T> items, int n, Work<T> work) throws InterruptedException {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, items.size())));
        AtomicInteger crashed = new AtomicInteger();
        for (int i = 0; i < Math.min(n, items.size()); i++) {
            pool.submit(() -> {
                T item;
                while (System.nanoTime() < deadline && (item = queue.poll()) != null) {
                    try {
                        work.on(item);
                    } catch (Exception e) {
                        crashed.incrementAndGet();
                        System.err.println("unexpected: " + e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(options.seconds + 2L * options.timeout + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("a phase did not end within its limit");
        }
        if (crashed.get() > 0) {
            throw new IllegalStateException(crashed.get() + " items failed outside the counted failures");
        }
        return queue.size();
    }

    static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static int sum(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static String counts(Map<String, AtomicInteger> counts) {
        Map<String, Integer> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.get()));
        return m.toString();
    }

    void printFailure(String phase, Parent p, Failure f) {
        if (printed.incrementAndGet() <= 20) {
            System.err.println(phase + " failure (family " + p.familyNo + "): " + f.kind + ": " + abbreviate(f.getMessage()));
        }
    }

    static List<Long> sorted(List<Long> nanos) {
        List<Long> s;
        synchronized (nanos) {
            s = new ArrayList<>(nanos);
        }
        Collections.sort(s);
        return s;
    }

    static String percentiles(List<Long> nanos) {
        List<Long> s = sorted(nanos);
        return s.isEmpty() ? "(none)" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f (n %d)",
                pct(s, 50), pct(s, 99), pct(s, 100), s.size());
    }

    /** Nearest-rank percentile in milliseconds. */
    static double pct(List<Long> sortedNanos, int p) {
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, i))) / 1e6;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String describe(Map<String, Object> faults) {
        Map<String, String> m = new TreeMap<>();
        faults.forEach((k, v) -> {
            Map<String, Object> s = asMap(v);
            m.put(k, s.get("latencyMinMs") + "–" + s.get("latencyMaxMs") + " ms, errors " + s.get("errorRate")
                    + ", " + s.get("rateLimitPerSecond") + "/s, outages " + asList(s.get("outages")).size());
        });
        return m.toString();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String commitOf() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException("expected a JSON object, got " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        if (!(o instanceof List)) {
            throw new IllegalStateException("expected a JSON array, got " + o);
        }
        return (List<Object>) o;
    }

    /** Just enough JSON for these answers (objects, arrays, strings, numbers, booleans, null); no dependencies. */
    static final class Json {
        private static final Pattern LONG = Pattern.compile("-?\\d{1,18}");
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != text.length()) {
                throw new IllegalStateException("trailing characters in JSON at " + j.i);
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw new IllegalStateException("JSON ends early");
            }
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    String k = string();
                    space();
                    expect(':');
                    m.put(k, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                    if (s.charAt(i - 1) != ',') {
                        throw new IllegalStateException("bad JSON object at " + i);
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                    if (s.charAt(i - 1) != ',') {
                        throw new IllegalStateException("bad JSON array at " + i);
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String w : List.of("true", "false", "null")) {
                if (s.startsWith(w, i)) {
                    i += w.length();
                    return w.equals("null") ? null : Boolean.valueOf(w);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalStateException("bad JSON value at " + i);
            }
            String n = s.substring(start, i);
            return LONG.matcher(n).matches() ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("expected " + c + " in JSON at " + (i - 1));
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        static String write(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String str) {
                StringBuilder b = new StringBuilder("\"");
                for (char c : str.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        b.append('\\').append(c);
                    } else if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
                return b.append('"').toString();
            }
            if (v instanceof Map<?, ?> m) {
                return "{" + String.join(",", m.entrySet().stream()
                        .map(e -> write(String.valueOf(e.getKey())) + ":" + write(e.getValue())).toList()) + "}";
            }
            if (v instanceof List<?> l) {
                return "[" + String.join(",", l.stream().map(Json::write).toList()) + "]";
            }
            return String.valueOf(v);
        }
    }
}
