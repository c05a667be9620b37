package org.xuewei.platform.identity.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins in a sliding window, per username and client address and per address
 * alone, and says when a client must wait. In memory, per instance: behind a load balancer each
 * instance enforces its own limit (see docs/decisions.md).
 */
@Component
class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        Instant now = clock.instant();
        return count(userKey(username, address), now) >= properties.maxFailures()
                || count(addressKey(address), now) >= properties.maxFailuresPerAddress();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.keySet().removeIf(key -> count(key, now) == 0);
        }
        add(userKey(username, address), now);
        add(addressKey(address), now);
    }

    void succeeded(String username, String address) {
        failures.remove(userKey(username, address));
    }

    /** The window, in whole minutes, that a blocked client waits at most. */
    long windowMinutes() {
        return Math.max(1, properties.window().toMinutes());
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            deque.addLast(now);
            return deque;
        });
    }

    private int count(String key, Instant now) {
        Instant oldest = now.minus(properties.window());
        Deque<Instant> remaining = failures.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
                times.removeFirst();
            }
            return times.isEmpty() ? null : times;
        });
        return remaining == null ? 0 : remaining.size();
    }

    private static String userKey(String username, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "u:" + name + "|" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
