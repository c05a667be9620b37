package org.xuewei.exchange.city;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.config.ExchangeProperties;

/** Health is DOWN until the city is loaded when the exchange is meant to generate it (demo), so launchers wait for data. */
@Component("city")
@ConditionalOnWebApplication
class CityHealth implements HealthIndicator {

    private final CityLoader loader;
    private final boolean required;
    private volatile boolean loaded;

    CityHealth(CityLoader loader, ExchangeProperties properties) {
        this.loader = loader;
        this.required = properties.city().generateIfEmpty();
    }

    @Override
    public Health health() {
        if (!loaded) {
            loaded = loader.loaded();
        }
        if (loaded) {
            return Health.up().withDetail("season", loader.meta("season").orElse("")).build();
        }
        return required ? Health.down().withDetail("city", "generating").build() : Health.up().withDetail("city", "none").build();
    }
}
