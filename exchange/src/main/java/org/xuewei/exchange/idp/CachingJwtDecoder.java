package org.xuewei.exchange.idp;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validated bearer tokens, remembered: a client sends the same access token with every call until it expires, and
 * checking its RSA signature each time was a fifth of the exchange's CPU. The first time a token is seen, the wrapped
 * decoder checks it fully (signature, expiry, not-before); the decoded token is then re-used for the exact same token
 * string only while it is within its validity ({@code nbf} ≤ now &lt; {@code exp}, no clock skew), after which the
 * wrapped decoder judges it again (and refuses it). A token that differs in any character — a forged signature, an
 * altered claim — is a different key and is checked in full. Tokens without an expiry are never remembered. At most
 * {@code maxEntries} tokens are kept; when full, expired ones are dropped, and if that frees nothing, all of them.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Jwt> valid = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return delegate.decode(null);
        }
        Jwt known = valid.get(token);
        if (known != null) {
            if (withinValidity(known, clock.instant())) {
                return known;
            }
            valid.remove(token, known);
        }
        Jwt checked = delegate.decode(token); // throws on a bad signature, an expired token, …
        Instant now = clock.instant();
        if (withinValidity(checked, now)) {
            if (valid.size() >= maxEntries) {
                valid.values().removeIf(j -> !withinValidity(j, now));
                if (valid.size() >= maxEntries) {
                    valid.clear();
                }
            }
            valid.put(token, checked);
        }
        return checked;
    }

    /** How many validated tokens are remembered (for tests). */
    int size() {
        return valid.size();
    }

    private static boolean withinValidity(Jwt jwt, Instant now) {
        Instant exp = jwt.getExpiresAt();
        Instant nbf = jwt.getNotBefore();
        return exp != null && now.isBefore(exp) && (nbf == null || !now.isBefore(nbf));
    }
}
