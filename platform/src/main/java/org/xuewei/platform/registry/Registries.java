package org.xuewei.platform.registry;

import org.springframework.stereotype.Service;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.registry.exchange.FactsCollector;

/**
 * The registries as the platform sees them (公安户籍, 不动产, 住建, 人社, 民政, 教育, 优待): look-ups through the exchange,
 * in parallel, with timeouts, retries and circuit breakers; every answer kept as evidence.
 */
@Service
public class Registries {

    private final FactsCollector collector;

    Registries(FactsCollector collector) {
        this.collector = collector;
    }

    /** The children of enrollment age in the guardian's household this season (G1 or G7). */
    public Household household(String guardianIdNumber, int season) {
        return collector.household(guardianIdNumber, season);
    }

    /** 学位信息一键查: everything the registries say about the child and its family, as the policy's facts. */
    public FactsReport check(String guardianIdNumber, String childIdNumber, Grade grade, int season) {
        return collector.facts(guardianIdNumber, childIdNumber, grade, season);
    }

    /** G1 or G7 for a birth date in the season, or null. */
    public static Grade cohort(java.time.LocalDate birthDate, int season) {
        return FactsCollector.cohort(birthDate, season);
    }
}
