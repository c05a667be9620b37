package org.xuewei.platform.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.xuewei.platform.registry.exchange.ExchangeLookup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An exchange-like HTTP server for tests: client-credentials tokens, the registry API answering recorded JSON
 * fixtures ({@code src/test/resources/registry/exchange/<path>.json}, recorded from the real exchange's demo city)
 * and 404 {@code no-record} otherwise, the catalog export, and injected faults (outage → 503, delay).
 */
public final class ExchangeStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ExchangeStub shared;

    private final HttpServer server;
    private final Set<String> outages = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger batchesNow = new AtomicInteger();
    private final AtomicInteger mostBatchesAtOnce = new AtomicInteger();
    private volatile int tokenLifetimeSeconds = 600;
    private final AtomicInteger failBatches = new AtomicInteger();
    private volatile int failBatchesWith;
    private volatile int firstValidToken;
    private final java.util.List<Integer> itemsPerBatch = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Integer> timeoutsMs = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ExchangeStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/oauth2/token", this::token);
        server.createContext("/exchange/v1/batch", this::batch);
        server.createContext("/exchange/v1/", this::registry);
        server.createContext("/exchange/admin/catalog", this::catalog);
        server.start();
    }

    /**
     * The one stub the Spring test contexts talk to, on a free port that {@link ExchangeStubInitializer} hands to
     * the context as {@code xuewei.test.exchange-port}.
     */
    public static synchronized ExchangeStub shared() {
        if (shared == null) {
            try {
                shared = new ExchangeStub(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every path starting with the prefix (e.g. {@code property/}) answers 503 until {@link #recover()}. */
    public ExchangeStub outage(String pathPrefix) {
        outages.add(pathPrefix);
        return this;
    }

    public ExchangeStub delay(String pathPrefix, int millis) {
        delays.put(pathPrefix, millis);
        return this;
    }

    public ExchangeStub recover() {
        outages.clear();
        delays.clear();
        failBatches.set(0);
        return this;
    }

    /** The next {@code count} batch requests are answered {@code status} as a whole (e.g. 503, 429). */
    public ExchangeStub failBatches(int status, int count) {
        failBatchesWith = status;
        failBatches.set(count);
        return this;
    }

    /** The tokens issued so far are refused from now on (401), as after the exchange restarted. */
    public ExchangeStub revokeTokens() {
        firstValidToken = tokens.get() + 1;
        return this;
    }

    /** The number of items of each batch answered, in the order they arrived. */
    public java.util.List<Integer> itemsPerBatch() {
        return java.util.List.copyOf(itemsPerBatch);
    }

    /** The {@code timeoutMs} of each batch answered, in the order they arrived. */
    public java.util.List<Integer> timeoutsMs() {
        return java.util.List.copyOf(timeoutsMs);
    }

    public int calls(String pathPrefix) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** Batch requests answered (round trips), whatever their items. */
    public int batches() {
        return batches.get();
    }

    public int tokensIssued() {
        return tokens.get();
    }

    public void tokenLifetime(int seconds) {
        tokenLifetimeSeconds = seconds;
    }

    private void token(HttpExchange x) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString("xuewei-platform:demo-platform-secret"
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(x.getRequestHeaders().getFirst("Authorization")) || !body.contains("grant_type=client_credentials")) {
            send(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        int n = tokens.incrementAndGet();
        String scope = body.contains("catalog.read") ? "catalog.read" : "registry.read";
        send(x, 200, "application/json", "{\"access_token\":\"stub-" + scope + "-" + n + "\",\"token_type\":\"Bearer\","
                + "\"scope\":\"" + scope + "\",\"expires_in\":" + tokenLifetimeSeconds + "}");
    }

    private void registry(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring("/exchange/v1/".length());
        calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer stub-registry.read-")) {
            problem(x, 401, "invalid-token");
            return;
        }
        String purpose = x.getRequestHeaders().getFirst("purpose");
        if (purpose == null || purpose.isBlank()) {
            problem(x, 400, "purpose-required");
            return;
        }
        for (Map.Entry<String, Integer> d : delays.entrySet()) {
            if (path.startsWith(d.getKey())) {
                try {
                    Thread.sleep(d.getValue());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (outages.stream().anyMatch(path::startsWith)) {
            problem(x, 503, "registry-outage");
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/registry/exchange/" + path + ".json")) {
            if (in == null) {
                problem(x, 404, "no-record");
                return;
            }
            send(x, 200, "application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code POST /exchange/v1/batch} as the exchange answers it: every item like its GET (fixture, 404, outage, delay,
     * counted under its GET path), the batch after the longest delay; an item delayed beyond {@code timeoutMs} answers
     * 503 {@code registry-timeout} at that time.
     */
    private void batch(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer stub-registry.read-")
                || Integer.parseInt(auth.substring("Bearer stub-registry.read-".length())) < firstValidToken) {
            problem(x, 401, "invalid-token");
            return;
        }
        if (failBatches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            x.getRequestBody().readAllBytes();
            problem(x, failBatchesWith, failBatchesWith == 429 ? "rate-limited" : "registry-unavailable");
            return;
        }
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        String purpose = x.getRequestHeaders().getFirst("purpose");
        if (purpose == null || purpose.isBlank()) {
            problem(x, 400, "purpose-required");
            return;
        }
        batches.incrementAndGet();
        itemsPerBatch.add(body.path("items").size());
        timeoutsMs.add(body.path("timeoutMs").asInt(-1));
        mostBatchesAtOnce.accumulateAndGet(batchesNow.incrementAndGet(), Math::max);
        try {
            answerBatch(x, body);
        } finally {
            batchesNow.decrementAndGet();
        }
    }

    /** The most batches this stub was answering at the same time since it started. */
    public int mostBatchesAtOnce() {
        return mostBatchesAtOnce.get();
    }

    private void answerBatch(HttpExchange x, JsonNode body) throws IOException {
        int timeout = body.path("timeoutMs").asInt(60_000);
        int wait = 0;
        ArrayNode items = JSON.createArrayNode();
        for (JsonNode item : body.path("items")) {
            ExchangeLookup lookup = ExchangeLookup.of(item.path("registry").asString(), item.path("operation").asString());
            ObjectNode answer = items.addObject();
            answer.put("index", items.size() - 1).put("registry", item.path("registry").asString())
                    .put("operation", item.path("operation").asString());
            if (lookup == null) {
                answer.put("status", 400).put("outcome", "REFUSED").put("code", "unknown-lookup");
                continue;
            }
            String path = lookup.path() + item.path("key").asString();
            calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            int delay = delays.entrySet().stream().filter(d -> path.startsWith(d.getKey())).mapToInt(Map.Entry::getValue).sum();
            if (delay > timeout) {
                wait = Math.max(wait, timeout);
                answer.put("status", 503).put("outcome", "UNAVAILABLE").put("code", "registry-timeout");
                continue;
            }
            wait = Math.max(wait, delay);
            if (outages.stream().anyMatch(path::startsWith)) {
                answer.put("status", 503).put("outcome", "UNAVAILABLE").put("code", "registry-outage");
                continue;
            }
            try (InputStream in = getClass().getResourceAsStream("/registry/exchange/" + path + ".json")) {
                if (in == null) {
                    answer.put("status", 404).put("outcome", "NO_RECORD").put("code", "no-record");
                    continue;
                }
                JsonNode recorded = JSON.readTree(in.readAllBytes());
                answer.put("status", 200).put("outcome", "FOUND")
                        .put("sourceDepartment", recorded.path("sourceDepartment").asString())
                        .put("recordTime", recorded.path("recordTime").asString())
                        .set("data", recorded.path("data"));
            }
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("requestId", "stub");
        answer.set("items", items);
        send(x, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void catalog(HttpExchange x) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/registry/catalog.json")) {
            send(x, 200, "application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void problem(HttpExchange x, int status, String code) throws IOException {
        send(x, status, "application/problem+json", "{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code
                + "\",\"requestId\":\"stub\"}");
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
