package org.xuewei.exchange.registry;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.city.CityLoader;
import org.xuewei.exchange.city.IdNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every registry look-up goes through here: purpose and input checks, rate limit, injected faults and latency, the
 * query, the response envelope and the call log — whatever the outcome. The simulated latency never holds a request
 * thread: the answer is completed by a timer after it (the servlet request is asynchronous meanwhile).
 */
@Component
class RegistryGateway {

    static final String PURPOSE_HEADER = "purpose";
    static final String REQUEST_ID_ATTRIBUTE = RegistryGateway.class.getName() + ".requestId";
    /** Most look-ups one batch may hold. */
    static final int MAX_BATCH = 50;
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z-]{4,40}");

    private final Faults faults;
    private final CallLog callLog;
    private final CityLoader city;
    private final BatchQueries queries;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "registry-latency");
        t.setDaemon(true);
        return t;
    });
    /** Query workers: fewer than the exchange's 10 pooled connections (the call log's flush and the IdP need some). */
    static final int QUERY_WORKERS = 6;
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(QUERY_WORKERS, r -> {
        Thread t = new Thread(r, "registry-query");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant recordTime;

    RegistryGateway(Faults faults, CallLog callLog, CityLoader city, BatchQueries queries, Clock clock) {
        this.faults = faults;
        this.callLog = callLog;
        this.city = city;
        this.queries = queries;
        this.clock = clock;
    }

    enum Key { ID_NUMBER, RECORD_NUMBER }

    /**
     * What one look-up came to before its simulated latency: the data, or a refusal with its status and code. Between
     * its checks and its query (inside the gateway only) it has no status yet, only its latency.
     */
    record Outcome(UUID requestId, String registry, String operation, String key, HttpStatus status, String code,
                   String message, Object data, int latencyMs) {

        boolean found() {
            return status == HttpStatus.OK;
        }

        ApiException refusal() {
            return new ApiException(status, code, message);
        }

        /** found, no record, unavailable (outage or no answer), rate limited, or refused (bad input). */
        String outcome() {
            return switch (status) {
                case OK -> "FOUND";
                case NOT_FOUND -> "NO_RECORD";
                case TOO_MANY_REQUESTS -> "RATE_LIMITED";
                case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
                default -> "REFUSED";
            };
        }
    }

    /** One batch item. */
    record BatchItem(String registry, String operation, String key) {
    }

    /** One batch item's answer: the single look-up's envelope plus its own status, outcome and problem code. */
    record ItemAnswer(int index, String requestId, String registry, String operation, int status, String outcome,
                      String code, String message, String sourceDepartment, String sourceSystem, Instant recordTime,
                      Instant respondedAt, Object data) {
    }

    /** The answer to a batch: one item answer per item, in the order asked. */
    record BatchAnswer(String requestId, Instant respondedAt, List<ItemAnswer> items) {
    }

    /** A single look-up (the GET endpoints). */
    CompletableFuture<ExchangeResponse> call(HttpServletRequest request, Lookup lookup, String key) {
        long start = System.nanoTime();
        UUID requestId = UUID.randomUUID();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId.toString());
        String client = client();
        String purpose = decode(request.getHeader(PURPOSE_HEADER));
        ApiException refused = purposeProblem(purpose);
        if (refused != null) {
            Outcome o = refusal(requestId, lookup.registry().name(), lookup.operation(), key, refused);
            log(o, client, purpose, start);
            throw refused;
        }
        return queried(() -> {
            try {
                return evaluate(requestId, lookup, key, client);
            } catch (RuntimeException e) {
                log(new Outcome(requestId, lookup.registry().name(), lookup.operation(), key, HttpStatus.INTERNAL_SERVER_ERROR,
                        "error", e.toString(), null, 0), client, purpose, start);
                throw e;
            }
        }).thenCompose(o -> later(start, o.latencyMs(), () -> {
            log(o, client, purpose, start);
            if (!o.found()) {
                throw o.refusal();
            }
            return new ExchangeResponse(requestId.toString(), o.registry(), lookup.registry().department(),
                    lookup.registry().system(), recordTime(), Instant.now(clock), o.data());
        }));
    }

    /**
     * Up to {@value #MAX_BATCH} look-ups in one request, as if the registries answered in parallel: every item is
     * validated, rate-limited and fault-injected on its own and logged as its own call; the answer comes after the
     * longest of the items' latencies. With {@code timeoutMs}, an item whose registry takes longer answers 503
     * {@code registry-timeout} at that time, so one slow registry does not hold the others' answers. A missing purpose
     * refuses the whole batch (still one log row per item).
     */
    CompletableFuture<BatchAnswer> batch(HttpServletRequest request, List<BatchItem> items, Integer timeoutMs) {
        long start = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, batchId.toString());
        String client = client();
        String purpose = decode(request.getHeader(PURPOSE_HEADER));
        if (items == null || items.isEmpty()) {
            callLog.record(batchId, client, "NONE", "batch", null, purpose, 400, 0);
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty-batch", "A batch needs at least one item {registry, operation, key}.");
        }
        if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > 60_000)) {
            callLog.record(batchId, client, "NONE", "batch", null, purpose, 400, 0);
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-timeout", "timeoutMs must be between 1 and 60000.");
        }
        if (items.size() > MAX_BATCH) {
            callLog.record(batchId, client, "NONE", "batch", null, purpose, 400, 0);
            throw new ApiException(HttpStatus.BAD_REQUEST, "batch-too-large", "A batch holds at most " + MAX_BATCH + " items.");
        }
        ApiException refused = purposeProblem(purpose);
        if (refused != null) {
            for (BatchItem item : items) {
                String registry = item == null || item.registry() == null ? "NONE" : abbreviate(item.registry(), 40);
                String operation = item == null || item.operation() == null ? "none" : abbreviate(item.operation(), 60);
                log(refusal(UUID.randomUUID(), registry, operation, item == null ? null : item.key(), refused), client, purpose, start);
            }
            throw refused;
        }
        return queried(() -> evaluateAll(items, timeoutMs, client, purpose, start, batchId))
                .thenCompose(outcomes -> later(start, outcomes.stream().mapToInt(Outcome::latencyMs).max().orElse(0),
                        () -> answer(batchId, outcomes, client, purpose, start)));
    }

    /**
     * Every item's outcome, on a query worker: each item checked on its own, in the order asked (input, rate limit,
     * outage, latency, error rate), then ONE query per look-up for all its items' keys (duplicates asked once), every
     * look-up's query in one round trip. With {@code timeoutMs}, an item times out when its latency, or the time until
     * the batch's queries ended, is longer;
     * an item whose latency alone is longer is not queried.
     */
    private List<Outcome> evaluateAll(List<BatchItem> items, Integer timeoutMs, String client, String purpose, long start,
                                      UUID batchId) {
        int n = items.size();
        Outcome[] outcomes = new Outcome[n];
        Lookup[] lookups = new Lookup[n];
        Map<Lookup, Set<String>> keys = new EnumMap<>(Lookup.class);
        Map<Lookup, Map<String, Object>> found;
        long checked;
        long answeredAt;
        try {
            for (int i = 0; i < n; i++) {
                BatchItem item = items.get(i);
                UUID id = UUID.randomUUID();
                String key = item == null ? null : item.key();
                Lookup lookup = item == null ? null : Lookup.of(item.registry(), item.operation()).orElse(null);
                if (lookup == null) {
                    String registry = item == null || item.registry() == null ? "NONE" : abbreviate(item.registry(), 40);
                    String operation = item == null || item.operation() == null ? "none" : abbreviate(item.operation(), 60);
                    outcomes[i] = refusal(id, registry, operation, key, new ApiException(HttpStatus.BAD_REQUEST, "unknown-lookup",
                            hasControl(registry) || hasControl(operation)
                                    ? "No such look-up: registry and operation hold a control character (such as U+0000); they must name one of the exchange's look-ups, e.g. HUKOU and households-of-person (see docs/exchange.md)."
                                    : "No such look-up: registry and operation must name one of the exchange's look-ups (see docs/exchange.md)."));
                } else {
                    lookups[i] = lookup;
                    outcomes[i] = check(id, lookup, key, client);
                    if (outcomes[i].status() == null && (timeoutMs == null || outcomes[i].latencyMs() <= timeoutMs)) {
                        keys.computeIfAbsent(lookup, l -> new LinkedHashSet<>()).add(key);
                    }
                }
            }
            checked = System.nanoTime();
            found = queries.all(keys);
            answeredAt = System.nanoTime();
        } catch (RuntimeException e) {
            for (Outcome o : outcomes) {
                if (o != null) {
                    log(o.status() != null ? o : new Outcome(o.requestId(), o.registry(), o.operation(), o.key(),
                            HttpStatus.INTERNAL_SERVER_ERROR, "error", e.toString(), null, 0), client, purpose, start);
                }
            }
            callLog.record(batchId, client, "NONE", "batch", null, purpose, 500, (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes[i];
            long ready = checked;
            if (o.status() == null && found.containsKey(lookups[i])) {
                o = answered(o, found.get(lookups[i]).get(o.key()));
                ready = answeredAt;
            }
            long waited = (ready - start) / 1_000_000; // queued for a worker, and the look-up's query
            if (lookups[i] != null && timeoutMs != null && Math.max(o.latencyMs(), waited) > timeoutMs) {
                o = new Outcome(o.requestId(), o.registry(), o.operation(), o.key(), HttpStatus.SERVICE_UNAVAILABLE, "registry-timeout",
                        o.registry() + " did not answer within " + timeoutMs + " ms; retry later.", null, timeoutMs);
            }
            outcomes[i] = o;
        }
        return Arrays.asList(outcomes);
    }

    /** The batch's answer once its latency has passed; every item logged. */
    private BatchAnswer answer(UUID batchId, List<Outcome> outcomes, String client, String purpose, long start) {
        Instant now = Instant.now(clock);
        List<ItemAnswer> answers = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            log(o, client, purpose, start);
            Lookup l = Lookup.of(o.registry(), o.operation()).orElse(null);
            answers.add(new ItemAnswer(i, o.requestId().toString(), o.registry(), o.operation(), o.status().value(),
                    o.outcome(), o.found() ? null : o.code(), o.found() ? null : o.message(),
                    o.found() && l != null ? l.registry().department() : null,
                    o.found() && l != null ? l.registry().system() : null,
                    o.found() ? recordTime() : null, now, o.data()));
        }
        return new BatchAnswer(batchId.toString(), now, answers);
    }

    /** Input checks, rate limit, outage, latency, error rate and the query of one look-up (a batch of one key). */
    private Outcome evaluate(UUID requestId, Lookup lookup, String key, String client) {
        Outcome o = check(requestId, lookup, key, client);
        return o.status() != null ? o : answered(o, lookup.queryOne(queries, key));
    }

    /**
     * Everything before the query of one look-up: a refusal or an injected error, each with its outcome; or, to be
     * queried, an outcome without status holding the look-up's latency.
     */
    private Outcome check(UUID requestId, Lookup lookup, String key, String client) {
        String registry = lookup.registry().name();
        String operation = lookup.operation();
        if (lookup.key() == Key.ID_NUMBER && (key == null || !IdNumbers.isValid(key))) {
            return refusal(requestId, registry, operation, key, new ApiException(HttpStatus.BAD_REQUEST, "malformed-id-number",
                    "The ID number is not a valid 18-character citizen ID number (GB 11643-1999: 17 digits and a check character)."));
        }
        if (lookup.key() == Key.RECORD_NUMBER && (key == null || !KEY.matcher(key).matches())) {
            return refusal(requestId, registry, operation, key, new ApiException(HttpStatus.BAD_REQUEST, "malformed-key",
                    "The record number must be 4 to 40 letters, digits or '-'."));
        }
        Faults.Settings s = faults.get(lookup.registry());
        if (!allow(client + "|" + registry, s.rateLimitPerSecond())) {
            return refusal(requestId, registry, operation, key, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Rate limit of " + s.rateLimitPerSecond() + " requests per second for this registry exceeded; retry after 1 second."));
        }
        if (s.outageAt(Instant.now(clock))) {
            return refusal(requestId, registry, operation, key, new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "registry-outage", registry + " is unavailable (maintenance window)."));
        }
        int latency = latency(s);
        if (s.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < s.errorRate()) {
            return new Outcome(requestId, registry, operation, key, HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
                    registry + " did not answer; retry later.", null, latency);
        }
        return new Outcome(requestId, registry, operation, key, null, null, null, null, latency);
    }

    /** A checked look-up's outcome from its query's answer: found, or no record (none, or an empty list). */
    private static Outcome answered(Outcome checked, Object data) {
        return data != null && !(data instanceof Collection<?> c && c.isEmpty())
                ? new Outcome(checked.requestId(), checked.registry(), checked.operation(), checked.key(), HttpStatus.OK, null, null,
                data, checked.latencyMs())
                : new Outcome(checked.requestId(), checked.registry(), checked.operation(), checked.key(), HttpStatus.NOT_FOUND,
                "no-record", checked.registry() + " holds no record for this key.", null, checked.latencyMs());
    }

    private static Outcome refusal(UUID requestId, String registry, String operation, String key, ApiException e) {
        return new Outcome(requestId, registry, operation, key, e.status(), e.code(), e.getMessage(), null, 0);
    }

    private static ApiException purposeProblem(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return new ApiException(HttpStatus.BAD_REQUEST, "purpose-required",
                    "Header 'purpose' is required: state why the data is needed (e.g. enrollment-eligibility; Chinese text percent-encoded as UTF-8).");
        }
        if (purpose.length() > 200) {
            return new ApiException(HttpStatus.BAD_REQUEST, "purpose-too-long", "Header 'purpose' must be at most 200 characters.");
        }
        if (hasControl(purpose)) {
            return new ApiException(HttpStatus.BAD_REQUEST, "purpose-malformed",
                    "Header 'purpose' must be one line of text without control characters (such as %00 or %0A once decoded).");
        }
        return null;
    }

    /** Whether the text holds a control character (U+0000–U+001F, U+007F–U+009F), e.g. a NUL no database text can hold. */
    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private void log(Outcome o, String client, String purpose, long start) {
        callLog.record(o.requestId(), client, o.registry(), o.operation(), o.key() != null && o.key().length() <= 40 ? o.key() : null,
                purpose, o.status().value(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The registries' queries on a query worker, never on the request thread: at most {@value #QUERY_WORKERS} at once
     * (fewer than the database pool's connections, so no worker waits for one), the rest queued in arrival order. With
     * hundreds of concurrent requests each waiting on the 10-connection pool inside a Tomcat thread, the pool's hand-off
     * spun and Tomcat ran out of threads to write the finished answers (measured; docs/performance.md).
     */
    private <T> CompletableFuture<T> queried(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    f.complete(work.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "exchange-stopping",
                    "The exchange is shutting down; retry later."));
        }
        return f;
    }

    /**
     * The answer once the latency has passed since the request arrived (a registry's latency includes its query):
     * at once on this thread when it has, else completed by the timer.
     */
    private <T> CompletableFuture<T> later(long startNanos, int latencyMs, Supplier<T> answer) {
        long remaining = latencyMs - (System.nanoTime() - startNanos) / 1_000_000;
        if (remaining <= 0) {
            try {
                return CompletableFuture.completedFuture(answer.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        timer.schedule(() -> {
            try {
                f.complete(answer.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, remaining, TimeUnit.MILLISECONDS);
        return f;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        timer.shutdown(); // answers already scheduled are still given (and logged)
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Header values are ASCII: a purpose in Chinese is sent percent-encoded (UTF-8) and logged decoded. */
    static String decode(String header) {
        if (header == null || header.indexOf('%') < 0) {
            return header;
        }
        try {
            return java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private Instant recordTime() {
        Instant t = recordTime;
        if (t == null) {
            t = city.meta("loaded_at").map(Instant::parse).orElse(Instant.EPOCH);
            recordTime = t;
        }
        return t;
    }

    static String client() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? null : a.getName();
    }

    private boolean allow(String key, int perSecond) {
        long second = System.currentTimeMillis() / 1000;
        long[] w = windows.computeIfAbsent(key, k -> new long[2]);
        synchronized (w) {
            if (w[0] != second) {
                w[0] = second;
                w[1] = 0;
            }
            return ++w[1] <= perSecond;
        }
    }

    private static int latency(Faults.Settings s) {
        return s.latencyMaxMs() <= s.latencyMinMs() ? s.latencyMinMs()
                : ThreadLocalRandom.current().nextInt(s.latencyMinMs(), s.latencyMaxMs() + 1);
    }
}
