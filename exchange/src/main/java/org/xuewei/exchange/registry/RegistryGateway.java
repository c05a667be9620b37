package org.xuewei.exchange.registry;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.city.CityLoader;
import org.xuewei.exchange.city.IdNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every registry look-up goes through here: purpose and input checks, rate limit, injected faults
 * and latency, the query, the response envelope and the call log — whatever the outcome.
 */
@Component
class RegistryGateway {

    static final String PURPOSE_HEADER = "purpose";
    static final String REQUEST_ID_ATTRIBUTE = RegistryGateway.class.getName() + ".requestId";
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z-]{4,40}");

    private final Faults faults;
    private final CallLog callLog;
    private final CityLoader city;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private volatile Instant recordTime;

    RegistryGateway(Faults faults, CallLog callLog, CityLoader city, Clock clock) {
        this.faults = faults;
        this.callLog = callLog;
        this.city = city;
        this.clock = clock;
    }

    enum Key { ID_NUMBER, RECORD_NUMBER }

    ExchangeResponse call(HttpServletRequest request, Registry registry, String operation, Key keyType, String key,
                          Supplier<Optional<?>> query) {
        long start = System.nanoTime();
        UUID requestId = UUID.randomUUID();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId.toString());
        String client = client();
        String purpose = decode(request.getHeader(PURPOSE_HEADER));
        int status = 500;
        try {
            if (purpose == null || purpose.isBlank()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "purpose-required",
                        "Header 'purpose' is required: state why the data is needed (e.g. enrollment-eligibility; Chinese text percent-encoded as UTF-8).");
            }
            if (purpose.length() > 200) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "purpose-too-long", "Header 'purpose' must be at most 200 characters.");
            }
            if (keyType == Key.ID_NUMBER && !IdNumbers.isValid(key)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-id-number",
                        "The ID number is not a valid 18-character citizen ID number (GB 11643-1999: 17 digits and a check character).");
            }
            if (keyType == Key.RECORD_NUMBER && !KEY.matcher(key).matches()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-key", "The record number must be 4 to 40 letters, digits or '-'.");
            }
            Faults.Settings s = faults.get(registry);
            if (!allow(client + "|" + registry, s.rateLimitPerSecond())) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "Rate limit of " + s.rateLimitPerSecond() + " requests per second for this registry exceeded; retry after 1 second.");
            }
            Instant now = Instant.now(clock);
            if (s.outageAt(now)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "registry-outage", registry.name() + " is unavailable (maintenance window).");
            }
            sleep(s);
            if (s.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < s.errorRate()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", registry.name() + " did not answer; retry later.");
            }
            Optional<?> data = query.get();
            Object value = data.filter(d -> !(d instanceof Collection<?> c && c.isEmpty())).orElseThrow(() ->
                    new ApiException(HttpStatus.NOT_FOUND, "no-record", registry.name() + " holds no record for this key."));
            status = 200;
            return new ExchangeResponse(requestId.toString(), registry.name(), registry.department(), registry.system(),
                    recordTime(), Instant.now(clock), value);
        } catch (ApiException e) {
            status = e.status().value();
            throw e;
        } finally {
            callLog.record(requestId, client, registry.name(), operation, key, purpose, status, (System.nanoTime() - start) / 1_000_000);
        }
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

    private static void sleep(Faults.Settings s) {
        int ms = s.latencyMaxMs() <= s.latencyMinMs() ? s.latencyMinMs()
                : ThreadLocalRandom.current().nextInt(s.latencyMinMs(), s.latencyMaxMs() + 1);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
