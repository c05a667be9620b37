package org.xuewei.platform.registry.exchange;

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
    ExchangeClient exchangeClient(RegistryProperties properties) {
        return new ExchangeClient(properties);
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
