package org.xuewei.exchange.idp;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** 短信验证码 — six-digit one-time codes per phone: valid 5 minutes, 5 attempts, used once. */
@Component
class OneTimeCodes {

    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 5;

    private record Entry(String code, Instant expires, int attemptsLeft) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> codes = new ConcurrentHashMap<>();
    private final Clock clock;

    OneTimeCodes(Clock clock) {
        this.clock = clock;
    }

    String issue(String phone) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        codes.put(phone, new Entry(code, Instant.now(clock).plus(VALIDITY), ATTEMPTS));
        return code;
    }

    /** The pending code (shown on the page in demo mode only). */
    Optional<String> pending(String phone) {
        Entry e = codes.get(phone);
        return e == null || Instant.now(clock).isAfter(e.expires()) ? Optional.empty() : Optional.of(e.code());
    }

    boolean verify(String phone, String code) {
        boolean[] ok = {false};
        codes.computeIfPresent(phone, (p, e) -> {
            if (Instant.now(clock).isAfter(e.expires())) {
                return null;
            }
            if (e.code().equals(code)) {
                ok[0] = true;
                return null;
            }
            return e.attemptsLeft() <= 1 ? null : new Entry(e.code(), e.expires(), e.attemptsLeft() - 1);
        });
        return ok[0];
    }
}
