package org.xuewei.platform.registry.exchange;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xuewei.platform.registry.LookupOutcome;
import org.xuewei.platform.registry.RegistryProperties;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exchange over HTTP: client-credentials token (cached until shortly before it expires), the {@code purpose}
 * header, and look-ups sent as batches ({@code POST /exchange/v1/batch}: one round trip for many registries) through
 * one HTTP client that reuses its connections and never blocks a thread while waiting. Resilience per registry, fed
 * by each item's outcome: a Resilience4j circuit breaker per registry (an open circuit answers without asking), retries
 * of the failed items only, a time limit per call and per look-up. Never fails for a registry's failure: the answer
 * says {@link LookupOutcome#UNAVAILABLE}.
 */
public final class ExchangeClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExchangeClient.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The exchange's largest batch. */
    static final int MAX_BATCH = 50;

    /** One answer: outcome, the answer as received and its SHA-256, and the parsed {@code data}. */
    public record Answer(String registry, String path, LookupOutcome outcome, JsonNode data, String sourceDepartment,
                         Instant recordTime, String sha256, Instant fetchedAt) {
    }

    /** One look-up of a batch. */
    public record Item(ExchangeLookup lookup, String key) {
    }

    private final RegistryProperties properties;
    private final HttpClient http;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final CircuitBreakerRegistry breakers;
    private final InFlightLimit<Item, Reply> inFlight;
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    public ExchangeClient(RegistryProperties properties) {
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "registry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registry-timer");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(properties.callTimeout()).executor(executor)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.inFlight = new InFlightLimit<>(properties.maxInFlight(), MAX_BATCH, executor, this::request);
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(properties.failureRate())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(10) // one check asks a registry up to ~6 times in parallel
                .recordExceptions(Unavailable.class)
                .build());
    }

    /** One look-up (a batch of one); never completes exceptionally. */
    public CompletableFuture<Answer> lookup(ExchangeLookup lookup, String key) {
        return batch(List.of(new Item(lookup, key))).thenApply(a -> a.get(0));
    }

    /**
     * Many look-ups in as few round trips as the exchange allows ({@value #MAX_BATCH} a batch), answered in the order
     * asked; never completes exceptionally. Per item: its registry's circuit decides whether it is asked at all, a
     * failure (outage, no answer in time, rate limit, transport error) counts against that registry's circuit and is
     * asked again — alone with the other failed items — up to {@code attempts} times within {@code registryTimeout}.
     */
    public CompletableFuture<List<Answer>> batch(List<Item> items) {
        if (items.size() > MAX_BATCH) {
            List<CompletableFuture<List<Answer>>> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i += MAX_BATCH) {
                parts.add(batch(items.subList(i, Math.min(items.size(), i + MAX_BATCH))));
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                    .thenApply(v -> parts.stream().flatMap(p -> p.join().stream()).toList());
        }
        Answer[] answers = new Answer[items.size()];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            all.add(i);
        }
        CompletableFuture<List<Answer>> result = new CompletableFuture<>();
        attempt(items, answers, all, 1, System.nanoTime() + properties.registryTimeout().toNanos(), result);
        return result;
    }

    private void attempt(List<Item> items, Answer[] answers, List<Integer> open, int attempt, long deadline,
                         CompletableFuture<List<Answer>> result) {
        List<Integer> asked = new ArrayList<>();
        for (int i : open) {
            if (breakers.circuitBreaker(items.get(i).lookup().registry()).tryAcquirePermission()) {
                asked.add(i);
            } else {
                answers[i] = unavailable(items.get(i), Instant.now());
            }
        }
        long remaining = deadline - System.nanoTime();
        if (asked.isEmpty() || remaining <= 0) {
            asked.forEach(i -> {
                breakers.circuitBreaker(items.get(i).lookup().registry()).releasePermission();
                answers[i] = unavailable(items.get(i), Instant.now());
            });
            result.complete(List.of(answers));
            return;
        }
        Instant fetchedAt = Instant.now();
        List<Item> sent = new ArrayList<>(asked.size());
        asked.forEach(i -> sent.add(items.get(i)));
        // the call's time limit starts when it is sent: waiting for a turn (InFlightLimit) does not count against it,
        // only against the look-up's overall deadline; waiting, it may go out merged with other callers' look-ups
        inFlight.submit(sent, deadline).whenComplete((part, error) -> {
            if (error instanceof NotSent || error instanceof CompletionException && error.getCause() instanceof NotSent) {
                // the look-up's time ran out while it waited its turn: not the registries' failure, so no circuit counts it
                log.warn("{} look-ups not sent: their time ran out waiting for a turn ({} requests at the exchange, {} batches waiting)",
                        asked.size(), inFlight.running(), inFlight.waiting());
                asked.forEach(i -> {
                    breakers.circuitBreaker(items.get(i).lookup().registry()).releasePermission();
                    answers[i] = unavailable(items.get(i), fetchedAt);
                });
                result.complete(List.of(answers));
                return;
            }
            Reply reply = error != null ? new Reply(null, error.toString(), System.nanoTime()) : part.result();
            int offset = error != null ? 0 : part.offset();
            long took = error != null ? 0 : reply.answeredAt() - part.sentAt();
            List<Integer> failed = new ArrayList<>();
            BatchAnswers results = reply.items();
            String problem = reply.problem();
            for (int k = 0; k < asked.size(); k++) {
                int i = asked.get(k);
                Item item = items.get(i);
                CircuitBreaker breaker = breakers.circuitBreaker(item.lookup().registry());
                JsonNode a = results == null ? null : results.get(offset + k);
                String outcome = a == null ? "UNAVAILABLE" : a.path("outcome").asString("UNAVAILABLE");
                switch (outcome) {
                    case "FOUND", "NO_RECORD" -> {
                        breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                        boolean found = outcome.equals("FOUND");
                        answers[i] = new Answer(item.lookup().registry(), item.lookup().path() + "{id}",
                                found ? LookupOutcome.FOUND : LookupOutcome.NOT_FOUND, found ? a.path("data") : null,
                                found ? a.path("sourceDepartment").asString("") : null,
                                found ? instant(a.path("recordTime").asString("")) : null, results.sha256(offset + k), fetchedAt);
                    }
                    case "REFUSED" -> {
                        breaker.releasePermission();
                        log.warn("registry {} refused {}: {}", item.lookup().registry(), item.lookup().operation(), a.path("code").asString(""));
                        answers[i] = unavailable(item, fetchedAt);
                    }
                    default -> {
                        breaker.onError(took, TimeUnit.NANOSECONDS, new Unavailable(item.lookup().registry() + ": "
                                + (a == null ? problem : a.path("code").asString(outcome))));
                        answers[i] = unavailable(item, fetchedAt);
                        failed.add(i);
                    }
                }
            }
            long wait = properties.retryWait().toNanos();
            if (!failed.isEmpty() && attempt < properties.attempts() && System.nanoTime() + wait < deadline) {
                scheduler.schedule(() -> attempt(items, answers, failed, attempt + 1, deadline, result), wait, TimeUnit.NANOSECONDS);
            } else {
                result.complete(List.of(answers));
            }
        });
    }

    /**
     * One request to the exchange for the items of one or more callers' batches, due by the earliest of their
     * deadlines (and within the call's time limit); never completes exceptionally: a failed request (transport error,
     * a status other than 200, an unreadable answer) is a reply without items that says what went wrong.
     */
    private CompletableFuture<Reply> request(List<Item> items, long deadline) {
        Duration timeout = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(properties.callTimeout().toNanos(), deadline - System.nanoTime())));
        return send(items, timeout, false).handle((response, error) -> {
            long answeredAt = System.nanoTime();
            if (error != null) {
                String problem = error instanceof CompletionException && error.getCause() != null ? error.getCause().toString() : error.toString();
                log.warn("exchange request of {} look-ups failed: {}", items.size(), problem);
                return new Reply(null, problem, answeredAt);
            }
            if (response.status() != 200) {
                if (response.status() != 429 && response.status() < 500) {
                    log.warn("exchange refused a batch: {} {}", response.status(),
                            abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
                }
                return new Reply(null, "batch answered " + response.status(), answeredAt);
            }
            try {
                return new Reply(BatchAnswers.read(response.body()), null, answeredAt);
            } catch (RuntimeException e) {
                return new Reply(null, "unreadable batch answer: " + e, answeredAt);
            }
        });
    }

    /** What a request brought back: the answers' items in the order asked, or (without them) what went wrong. */
    private record Reply(BatchAnswers items, String problem, long answeredAt) {
    }

    /**
     * A response's status and body, as the bytes received: Jackson reads UTF-8 bytes directly, without decoding them
     * into a string first.
     */
    private record Received(int status, byte[] body) {
    }

    /**
     * The batch request; a 401 (token expired or the exchange restarted) is sent once more with a fresh token. The
     * answer completes on the client's thread that read its body: the future {@code sendAsync} returns completes
     * only after the JDK hands it to the common pool, one more thread wake-up per request, and answers processed
     * there would wait behind anything else using that pool (one thread on two cores).
     */
    private CompletableFuture<Received> send(List<Item> items, Duration timeout, boolean fresh) {
        StringBuilder body = new StringBuilder("{\"timeoutMs\":").append(Math.max(1, timeout.toMillis() - TIMEOUT_MARGIN_MS))
                .append(",\"items\":[");
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            body.append(k == 0 ? "" : ",").append(ITEM_OPENING.get(item.lookup())).append('"');
            QUOTE.quoteAsString(item.key(), body);
            body.append("\"}");
        }
        body.append("]}");
        String bearer;
        try {
            bearer = token(fresh);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new Unavailable("token: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new Unavailable("interrupted"));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/exchange/v1/batch"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("purpose", URLEncoder.encode(properties.purpose(), StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        CompletableFuture<Received> received = new CompletableFuture<>();
        http.sendAsync(request, info -> HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
                            if (fresh || info.statusCode() != 401) {
                                received.complete(new Received(info.statusCode(), bytes));
                            }
                            return bytes;
                        }))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        received.completeExceptionally(error);
                    } else if (!fresh && response.statusCode() == 401) {
                        send(items, timeout, true).whenComplete((again, failed) -> {
                            if (failed != null) {
                                received.completeExceptionally(failed);
                            } else {
                                received.complete(again);
                            }
                        });
                    }
                });
        return received;
    }

    /** Each look-up's batch item up to its key, e.g. {@code {"registry":"HUKOU","operation":"person","key":}. */
    private static final Map<ExchangeLookup, String> ITEM_OPENING = new EnumMap<>(ExchangeLookup.class);
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    static {
        for (ExchangeLookup l : ExchangeLookup.values()) {
            ITEM_OPENING.put(l, "{\"registry\":" + JSON.writeValueAsString(l.registry())
                    + ",\"operation\":" + JSON.writeValueAsString(l.operation()) + ",\"key\":");
        }
    }

    /** The exchange answers items still waiting for their registry this long before the call's own timeout. */
    static final long TIMEOUT_MARGIN_MS = 100;

    private static Answer unavailable(Item item, Instant at) {
        return new Answer(item.lookup().registry(), item.lookup().path() + "{id}", LookupOutcome.UNAVAILABLE, null, null, null, null, at);
    }

    /** A one-off read with its own token of the given scope, e.g. the catalog export (scope {@code catalog.read}). */
    public JsonNode read(String path, String scope) throws IOException, InterruptedException {
        HttpResponse<String> tokenResponse = http.send(tokenRequest(scope), HttpResponse.BodyHandlers.ofString());
        if (tokenResponse.statusCode() != 200) {
            throw new IOException("token endpoint answered " + tokenResponse.statusCode());
        }
        String scoped = JSON.readTree(tokenResponse.body()).path("access_token").asString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                .timeout(properties.callTimeout().multipliedBy(10))
                .header("Authorization", "Bearer " + scoped)
                .header("purpose", URLEncoder.encode(properties.purpose(), StandardCharsets.UTF_8))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The state of a registry's circuit (CLOSED, OPEN, HALF_OPEN…), for health and tests. */
    public String circuit(String registry) {
        return breakers.circuitBreaker(registry).getState().name();
    }

    /** Calls a registry's circuit counted as failed (in its sliding window), for tests. */
    int failedCalls(String registry) {
        return breakers.circuitBreaker(registry).getMetrics().getNumberOfFailedCalls();
    }

    /** The cached access token, fetched again shortly before it expires (or when the exchange refused it). */
    String token(boolean fresh) throws IOException, InterruptedException {
        synchronized (tokenLock) {
            if (!fresh && token != null && Instant.now().isBefore(tokenExpires)) {
                return token;
            }
            HttpResponse<String> response = http.send(tokenRequest("registry.read"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unavailable("token endpoint answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asString();
            long seconds = body.path("expires_in").asLong(60);
            tokenExpires = Instant.now().plusSeconds(Math.max(1, seconds - Math.min(30, seconds / 10)));
            return token;
        }
    }

    private HttpRequest tokenRequest(String scope) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/oauth2/token"))
                .timeout(properties.callTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                .build();
    }

    static String sha256(String body) {
        return sha256(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SHA-256 of an answer as the JSON text Jackson writes for it, in UTF-8: written as bytes directly (the same
     * bytes as {@code sha256(JSON.writeValueAsString(answer))}, without the string in between).
     */
    static String sha256(JsonNode answer) {
        byte[] utf8 = JSON.writeValueAsBytes(answer);
        // a lone surrogate (possible in JSON text, as an escape) is written here as an escape (backslash, u, D8..DF),
        // where the string keeps the char and String.getBytes makes it '?': any such escape is hashed the old way
        for (int i = 0; i < utf8.length - 2; i++) {
            if (utf8[i] == '\\' && utf8[i + 1] == 'u' && (utf8[i + 2] == 'D' || utf8[i + 2] == 'd')) {
                return sha256(JSON.writeValueAsString(answer));
            }
        }
        return sha256(utf8);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    /** The SHA-256 of {@code length} bytes from {@code offset}. */
    static String sha256(byte[] bytes, int offset, int length) {
        MessageDigest digest = SHA256.get();
        digest.update(bytes, offset, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The last record time read, and what it says: a registry states the same time in every answer. */
    private record ReadTime(String text, Instant instant) {
    }

    private static volatile ReadTime lastTime = new ReadTime("", null);

    /** An answer's record time ({@link Instant#parse}; null when empty or unreadable), read once while it repeats. */
    static Instant instant(String text) {
        ReadTime last = lastTime;
        if (last.text().equals(text)) {
            return last.instant();
        }
        Instant parsed;
        try {
            parsed = text.isEmpty() ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            parsed = null;
        }
        lastTime = new ReadTime(text, parsed);
        return parsed;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Requests sent to the exchange so far. */
    long requestsSent() {
        return inFlight.requests();
    }

    /** Callers' batches sent so far (several share a request when they waited for a turn together). */
    long batchesSent() {
        return inFlight.batches();
    }

    /** Look-ups sent so far (each try counts). */
    long lookupsSent() {
        return inFlight.items();
    }

    @Override
    public void close() {
        if (inFlight.requests() > 0) {
            log.info("exchange client closing: {} requests sent, carrying {} batches and {} look-ups ({} look-ups a request)",
                    inFlight.requests(), inFlight.batches(), inFlight.items(),
                    String.format(java.util.Locale.ROOT, "%.1f", inFlight.items() / (double) inFlight.requests()));
        }
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** A batch whose look-ups' time ran out before it could be sent (see {@link InFlightLimit}). */
    static final class NotSent extends RuntimeException {
        NotSent() {
            super("not sent: no time left after waiting to be sent", null, false, false);
        }
    }

    /** A failure worth retrying and counting against the circuit: outage, 5xx, 429, I/O error, timeout. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

}
