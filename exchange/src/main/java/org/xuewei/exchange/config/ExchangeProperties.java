package org.xuewei.exchange.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/** Typed configuration of the exchange ({@code xuewei.exchange.*}). */
@Validated
@ConfigurationProperties("xuewei.exchange")
public record ExchangeProperties(@Valid @NotNull Db db, @Valid @NotNull City city, @Valid @NotNull Idp idp,
                                 @Valid @NotNull Registry registry) {

    /** Database: XUEWEI_DB_URL/USER/PASSWORD; with a blank URL an embedded PostgreSQL is started. */
    public record Db(@DefaultValue("") String url, @DefaultValue("postgres") String user, @DefaultValue("") String password,
                     @DefaultValue("data/exchange-pg") String dataDir) {
    }

    /** The synthetic city generated on first start (when the exchange tables are empty). */
    public record City(@DefaultValue("false") boolean generateIfEmpty, @DefaultValue("1") long seed,
                       @DefaultValue("demo") String scale, @DefaultValue("0") int season,
                       @DefaultValue("data/city/catalog") String catalogDir) {
    }

    /** The city identity provider (like 昌通码) and the registered clients. */
    public record Idp(@DefaultValue("") String issuer, @DefaultValue("false") boolean showCode,
                      @DefaultValue("") String subjectKey,
                      @DefaultValue("xuewei-platform") String platformClientId,
                      @DefaultValue("") String platformClientSecret,
                      @DefaultValue("http://127.0.0.1:8080/login/oauth2/code/city") List<String> platformRedirectUris,
                      @DefaultValue("xuewei-exchange-admin") String adminClientId,
                      @DefaultValue("") String adminClientSecret) {
    }

    /** Registry API defaults: latency (ms) and per-client rate limit; faults are changed at runtime. */
    public record Registry(@DefaultValue("20") @Min(0) int latencyMinMs, @DefaultValue("80") @Min(0) int latencyMaxMs,
                           @DefaultValue("50") @Min(1) int rateLimitPerSecond, @DefaultValue("") String logHashKey) {
    }
}
