package org.xuewei.platform.application.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.application.ApplicationRefusedException;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.ChildSummary;
import org.xuewei.platform.application.SubmitRequest;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.registry.RegistryProperties;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo profile only — a living demo: once the catalog is imported, about {@code xuewei.application.demo.share} percent
 * of the synthetic city's families (every family with a planted case, so the review queue shows each reason) apply
 * through {@link Applications} exactly as a parent would: the children of the household, then a submission with the
 * first home and its first zone school. A background thread after startup, so health is UP at once; it waits for the
 * exchange (retrying until it answers), pages through the exchange's demo guardian listing
 * ({@code GET /exchange/admin/demo/guardians}), submits a page at a time on a few threads, paced below the exchange's
 * rate limits (a family's look-ups ask the hukou registry about six times; the exchange allows 50 look-ups per second
 * and registry per client by default, so {@code xuewei.application.demo.families-per-second} defaults to 8; the demo
 * profiles raise both — 400 look-ups, 25 families a second — and the demo city fills in 10–15 minutes, while the
 * platform answers as usual; the few look-ups still refused wait as pending and are verified
 * by the scheduled re-verification; a submission refused because the registries holding the addresses did not answer
 * is tried again a few times, as a parent would), and records its progress in {@code application.demo_applicants}: a
 * restart resumes at the next page, a finished run is not repeated, and every submission has a fixed idempotency key.
 * The log gives the refusals of this start by reason.
 */
@Component
@Profile("demo")
class DemoApplicants implements ApplicationRunner, DisposableBean {

    static final String RUN = "demo-2";
    private static final Logger log = LoggerFactory.getLogger(DemoApplicants.class);
    static final int PAGE = 200;
    /** A submission refused because the address registries did not answer is tried this many times in all. */
    static final int ATTEMPTS = 4;
    private static final String UNAVAILABLE = "application.error.registry-unavailable";
    /** The OAuth2 scope the platform's client holds at the exchange (written so as not to read as a table name). */
    private static final String SCOPE = String.join(".", "registry", "read");

    private final Applications applications;
    private final Ready catalogReady;
    private final String run;
    private final int pageSize;
    private final RegistryProperties registry;
    private final JdbcClient jdbc;
    private final int share;
    private final int threads;
    private final double perSecond;
    private final boolean enabled;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The wait before the second try of a submission (doubled, tripled… after); tests shorten it. */
    Duration retryWait = Duration.ofSeconds(3);
    private volatile Thread worker;
    private volatile boolean stopping;

    @Autowired
    DemoApplicants(Applications applications, CatalogImport catalog, RegistryProperties registry, JdbcClient jdbc,
                   @Value("${xuewei.application.demo.enabled:true}") boolean enabled,
                   @Value("${xuewei.application.demo.share:80}") int share,
                   @Value("${xuewei.application.demo.threads:4}") int threads,
                   @Value("${xuewei.application.demo.families-per-second:8}") double perSecond) {
        this(applications, () -> !catalog.catalogEmpty(), registry, jdbc, enabled, share, threads, perSecond, RUN, PAGE);
    }

    /** With a run name and a page size of its own (tests: several runs in one database, small listings). */
    DemoApplicants(Applications applications, Ready catalogReady, RegistryProperties registry, JdbcClient jdbc,
                   boolean enabled, int share, int threads, double perSecond, String run, int pageSize) {
        this.applications = applications;
        this.catalogReady = catalogReady;
        this.registry = registry;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.share = share;
        this.threads = Math.max(1, threads);
        this.perSecond = perSecond;
        this.run = run;
        this.pageSize = pageSize;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::apply, "demo-applicants");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        worker = thread;
        thread.start();
    }

    /** Whether a family applies: every family with a planted case, else {@link #share}% chosen by family number. */
    static boolean applies(String familyNo, boolean planted, int share) {
        return planted || Math.floorMod(familyNo.hashCode() * 31 + 7, 100) < share;
    }

    void apply() {
        try {
            Progress progress = progress();
            if (progress.completedAt) {
                log.info("Demo applications were made before ({} applied); skipped", progress.applied);
                return;
            }
            waitFor("the catalog", catalogReady);
            String[] token = {null};
            waitFor("the exchange", () -> {
                token[0] = token();
                return token[0] != null && page(token[0], 0, 1).path("total").asLong() > 0;
            });
            long total = page(token[0], 0, 1).path("total").asLong();
            log.info("Demo applications: {} families with a G1 or G7 child at the exchange, about {}% apply; starting at {}",
                    total, share, progress.offset);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "demo-applicants-worker");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            Map<ApplicationStatus, AtomicInteger> statuses = new EnumMap<>(ApplicationStatus.class);
            for (ApplicationStatus s : ApplicationStatus.values()) {
                statuses.put(s, new AtomicInteger());
            }
            AtomicInteger refused = new AtomicInteger();
            Map<String, AtomicInteger> reasons = new java.util.concurrent.ConcurrentSkipListMap<>();
            long started = System.nanoTime();
            int done = 0;
            try {
                for (int offset = progress.offset; offset < total && !stopping; offset += pageSize) {
                    JsonNode page = null;
                    for (int attempt = 1; page == null; attempt++) {
                        try {
                            page = page(token[0], offset, pageSize);
                        } catch (RuntimeException e) {
                            if (attempt >= 20) {
                                throw e;
                            }
                            log.info("Demo applications: the guardian listing did not answer ({}); trying again", e.toString());
                            Thread.sleep(5_000);
                            token[0] = token();
                        }
                    }
                    List<Future<?>> work = new ArrayList<>();
                    int families = 0;
                    for (JsonNode g : page.path("guardians")) {
                        String familyNo = g.path("familyNo").asString();
                        if (!applies(familyNo, g.path("cases").size() > 0, share)) {
                            continue;
                        }
                        families++;
                        String idNumber = g.path("idNumber").asString();
                        long due = started + (long) (1e9 * (done++) / perSecond);
                        work.add(pool.submit(() -> {
                            pace(due);
                            family(familyNo, idNumber, statuses, refused, reasons);
                        }));
                    }
                    for (Future<?> f : work) {
                        f.get();
                    }
                    int applied = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
                    save(offset + pageSize, families, applied, refused.getAndSet(0));
                    resetCounts(statuses);
                    Progress now = progress();
                    log.info("Demo applications: {}/{} families looked at, {} applications ({} refused so far; in this start by reason: {})",
                            Math.min(offset + pageSize, total), total, now.applied, now.refused, reasons);
                }
            } finally {
                pool.shutdownNow();
            }
            if (!stopping) {
                jdbc.sql("update application.demo_applicants set completed_at = :now where name = :name")
                        .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("name", run).update();
                Progress end = progress();
                log.info("Demo applications done: {} applications, {} refused, in {} s; refused in this start by reason: {}",
                        end.applied, end.refused, (System.nanoTime() - started) / 1_000_000_000L, reasons);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Demo applications stopped: {} (a restart resumes where they stopped)", e.toString());
        }
    }

    private void family(String familyNo, String idNumber, Map<ApplicationStatus, AtomicInteger> statuses,
                        AtomicInteger refused, Map<String, AtomicInteger> reasons) {
        Parent parent = new Parent("demo-" + familyNo, "家长", idNumber);
        try {
            for (ChildSummary child : applications.children(parent, "127.0.0.1")) {
                if (child.applicationId() != null) {
                    continue;
                }
                for (int attempt = 1; ; attempt++) {
                    try {
                        ApplicationView view = applications.submit(parent, child.ref(),
                                new SubmitRequest(null, null, null, true, "", "demo-" + familyNo + "-" + child.ref()),
                                "127.0.0.1");
                        statuses.get(view.status()).incrementAndGet();
                        break;
                    } catch (ApplicationRefusedException e) {
                        // the registries holding the addresses did not answer: a parent would check again later
                        if (UNAVAILABLE.equals(e.messageKey()) && attempt < ATTEMPTS && !stopping) {
                            pause(retryWait.multipliedBy(attempt));
                            continue;
                        }
                        refused.incrementAndGet(); // no zoned home, window closed…: as a parent would be refused
                        reasons.computeIfAbsent(e.messageKey(), k -> new AtomicInteger()).incrementAndGet();
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            reasons.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            log.debug("Demo family {} could not apply: {}", familyNo, e.toString());
        }
    }

    private static void pause(Duration wait) {
        pace(System.nanoTime() + wait.toNanos());
    }

    private static void pace(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void resetCounts(Map<ApplicationStatus, AtomicInteger> statuses) {
        statuses.values().forEach(c -> c.set(0));
    }

    private record Progress(int offset, int applied, int refused, boolean completedAt) {
    }

    private Progress progress() {
        jdbc.sql("""
                        insert into application.demo_applicants (name, started_at) values (:name, :now)
                        on conflict (name) do nothing""")
                .param("name", run).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return jdbc.sql("""
                        select next_offset, applied, refused, completed_at is not null as done
                        from application.demo_applicants where name = :name""")
                .param("name", run)
                .query((rs, n) -> new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4))).single();
    }

    private void save(int nextOffset, int families, int applied, int refused) {
        jdbc.sql("""
                        update application.demo_applicants set next_offset = :offset, families = families + :families,
                            applied = applied + :applied, refused = refused + :refused where name = :name""")
                .param("offset", nextOffset).param("families", families).param("applied", applied)
                .param("refused", refused).param("name", run).update();
    }

    interface Ready {
        boolean now() throws Exception;
    }

    private void waitFor(String what, Ready ready) throws InterruptedException {
        boolean said = false;
        while (!stopping) {
            try {
                if (ready.now()) {
                    return;
                }
            } catch (Exception e) {
                log.debug("{} not ready: {}", what, e.toString());
            }
            if (!said) {
                log.info("Demo applications wait for {}", what);
                said = true;
            }
            Thread.sleep(5_000);
        }
        throw new InterruptedException("stopping");
    }

    private String token() {
        try {
            String basic = Base64.getEncoder().encodeToString((registry.clientId() + ":" + registry.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? CandidateFacts.JSON.readTree(r.body()).path("access_token").asString(null) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private JsonNode page(String token, int offset, int limit) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl()
                            + "/exchange/admin/demo/guardians?offset=" + offset + "&limit=" + limit))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("guardian listing answered " + r.statusCode());
            }
            return CandidateFacts.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
