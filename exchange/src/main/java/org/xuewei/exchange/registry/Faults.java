package org.xuewei.exchange.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.config.ExchangeProperties;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Latency, error rate, rate limit and outage windows per registry, changed at runtime by the admin API. */
@Component
public class Faults {

    /** An outage window: the registry answers 503 between from and until. */
    public record Outage(@NotNull Instant from, @NotNull Instant until) {
    }

    /** Settings of one registry. */
    public record Settings(@Min(0) @Max(60_000) int latencyMinMs, @Min(0) @Max(60_000) int latencyMaxMs,
                           @DecimalMin("0.0") @DecimalMax("1.0") double errorRate,
                           @Min(1) @Max(100_000) int rateLimitPerSecond, @NotNull List<@Valid Outage> outages) {
        public Settings {
            if (latencyMaxMs < latencyMinMs) {
                throw new IllegalArgumentException("latencyMaxMs must not be below latencyMinMs");
            }
            outages = List.copyOf(outages);
        }

        boolean outageAt(Instant now) {
            return outages.stream().anyMatch(o -> !now.isBefore(o.from()) && now.isBefore(o.until()));
        }
    }

    private final Settings defaults;
    private final Map<Registry, Settings> settings = new ConcurrentHashMap<>();

    public Faults(ExchangeProperties properties) {
        ExchangeProperties.Registry r = properties.registry();
        this.defaults = new Settings(r.latencyMinMs(), Math.max(r.latencyMinMs(), r.latencyMaxMs()), 0, r.rateLimitPerSecond(), List.of());
        reset();
    }

    public Settings get(Registry registry) {
        return settings.get(registry);
    }

    public void set(Registry registry, Settings s) {
        settings.put(registry, s);
    }

    public final void reset() {
        for (Registry r : Registry.values()) {
            settings.put(r, defaults);
        }
    }

    public Map<Registry, Settings> all() {
        return new EnumMap<>(settings);
    }
}
