package org.xuewei.platform.registry.exchange;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.registry.RegistryProperties;
import org.xuewei.platform.registry.ZoneDirectory;

/** The exchange client and what is built on it. */
@Configuration(proxyBeanMethods = false)
class RegistryBeans {

    @Bean(destroyMethod = "close")
    ExchangeClient exchangeClient(RegistryProperties properties, ObjectProvider<MeterRegistry> meters) {
        ExchangeClient client = new ExchangeClient(properties);
        meters.ifAvailable(m -> {
            FunctionCounter.builder("xuewei.registry.requests", client, ExchangeClient::requestsSent)
                    .description("requests sent to the exchange").register(m);
            FunctionCounter.builder("xuewei.registry.batches", client, ExchangeClient::batchesSent)
                    .description("callers' batches sent to the exchange (merged ones share a request)").register(m);
            FunctionCounter.builder("xuewei.registry.lookups", client, ExchangeClient::lookupsSent)
                    .description("look-ups sent to the exchange").register(m);
        });
        return client;
    }

    /** Zones from the exchange's catalog export until the catalog module provides a {@code @Primary} directory. */
    @Bean
    ExchangeCatalog exchangeCatalog(ExchangeClient client) {
        return new ExchangeCatalog(client);
    }

    @Bean
    EvidenceStore evidenceStore(JdbcClient jdbc) {
        return new EvidenceStore(jdbc);
    }

    @Bean
    FactsCollector factsCollector(ExchangeClient client, ZoneDirectory zones, PersonalData personal, EvidenceStore evidence) {
        return new FactsCollector(client, zones, personal, evidence);
    }
}
