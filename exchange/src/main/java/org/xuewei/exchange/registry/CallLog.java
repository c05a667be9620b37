package org.xuewei.exchange.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.city.IdNumbers;
import org.xuewei.exchange.config.ExchangeProperties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 调用日志 — every registry call: client, registry, operation, about whom (keyed hash + mask), purpose, outcome. */
@Component
public class CallLog {

    private final JdbcClient jdbc;
    private final byte[] key;
    private final Clock clock;

    public CallLog(JdbcClient jdbc, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        String k = properties.registry().logHashKey();
        if (k == null || k.isBlank()) {
            k = UUID.randomUUID().toString();
        }
        this.key = k.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public void record(UUID requestId, String clientId, String registry, String operation, String subject, String purpose,
                       int status, long durationMs) {
        jdbc.sql("""
                        insert into exchange.call_log (request_id, at, client_id, registry, operation, subject_hash, subject_mask,
                                                       purpose, status, duration_ms)
                        values (:requestId, :at, :client, :registry, :operation, :hash, :mask, :purpose, :status, :duration)""")
                .param("requestId", requestId)
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("client", clientId)
                .param("registry", registry)
                .param("operation", operation)
                .param("hash", subject == null ? null : hash(subject))
                .param("mask", subject == null ? null : IdNumbers.mask(subject))
                .param("purpose", purpose == null ? null : purpose.length() > 200 ? purpose.substring(0, 200) : purpose)
                .param("status", status)
                .param("duration", (int) Math.min(Integer.MAX_VALUE, durationMs))
                .update();
    }

    /** HMAC-SHA256 of the subject with the log key: the same person gives the same hash, the hash gives no id. */
    public String hash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.sql("""
                        select request_id::text as "requestId", to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MSOF') as "at", client_id as "clientId",
                               registry, operation, subject_hash as "subjectHash", subject_mask as "subjectMask", purpose, status,
                               duration_ms as "durationMs"
                        from exchange.call_log order by id desc limit :limit""")
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query().listOfRows();
    }
}
