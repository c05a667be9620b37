package org.xuewei.platform.registry.exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xuewei.platform.registry.LookupOutcome;
import org.xuewei.platform.registry.RegistryProperties;
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
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exchange over HTTP: client-credentials token (cached until shortly before it expires), the {@code purpose}
 * header, and per registry a circuit breaker around retries, all under a time limit. Never throws for a registry's
 * failure: the answer says {@link LookupOutcome#UNAVAILABLE}.
 */
public final class ExchangeClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExchangeClient.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: outcome, the body as received and its SHA-256, and the parsed {@code data}. */
    public record Answer(String registry, String path, LookupOutcome outcome, JsonNode data, String sourceDepartment,
                         Instant recordTime, String sha256, Instant fetchedAt) {
    }

    private final RegistryProperties properties;
    private final HttpClient http;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final CircuitBreakerRegistry breakers;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
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
        this.http = HttpClient.newBuilder().connectTimeout(properties.callTimeout()).build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(properties.failureRate())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(10) // one check asks a registry up to ~6 times in parallel
                .recordExceptions(Unavailable.class)
                .build());
        this.retry = Retry.of("exchange", RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .waitDuration(properties.retryWait())
                .retryExceptions(Unavailable.class)
                .build());
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.registryTimeout()).cancelRunningFuture(true).build());
    }

    /** Asynchronous look-up, e.g. {@code get("HUKOU", "/exchange/v1/hukou/persons/…")}; never completes exceptionally. */
    public CompletableFuture<Answer> get(String registry, String path) {
        CircuitBreaker breaker = breakers.circuitBreaker(registry);
        CompletionStage<Answer> limited = timeLimiter.executeCompletionStage(scheduler,
                () -> CompletableFuture.supplyAsync(() -> breaker.executeSupplier(
                        Retry.decorateSupplier(retry, () -> call(registry, path))), executor));
        return limited.toCompletableFuture().exceptionally(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof Unavailable) && !(cause instanceof CallNotPermittedException)
                    && !(cause instanceof java.util.concurrent.TimeoutException)) {
                log.warn("registry {} failed: {}", registry, cause.toString());
            }
            return new Answer(registry, path, LookupOutcome.UNAVAILABLE, null, null, null, null, Instant.now());
        });
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

    private Answer call(String registry, String path) {
        Instant started = Instant.now();
        HttpResponse<String> response = send(path, false);
        if (response.statusCode() == 401) {
            response = send(path, true);
        }
        int status = response.statusCode();
        if (status == 200) {
            JsonNode body = JSON.readTree(response.body());
            return new Answer(registry, path, LookupOutcome.FOUND, body.path("data"),
                    body.path("sourceDepartment").asString(""), instant(body.path("recordTime").asString("")),
                    sha256(response.body()), started);
        }
        if (status == 404) {
            return new Answer(registry, path, LookupOutcome.NOT_FOUND, null, null, null, sha256(response.body()), started);
        }
        if (status == 429 || status >= 500) {
            throw new Unavailable(registry + " answered " + status);
        }
        throw new IllegalStateException(registry + " refused " + status + ": " + abbreviate(response.body()));
    }

    private HttpResponse<String> send(String path, boolean freshToken) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                    .timeout(properties.callTimeout())
                    .header("Authorization", "Bearer " + token(freshToken))
                    .header("purpose", URLEncoder.encode(properties.purpose(), StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** A failure worth retrying and counting against the circuit: outage, 5xx, 429, I/O error, timeout. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

}
