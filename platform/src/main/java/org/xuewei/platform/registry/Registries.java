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

    /**
     * A child added by ID number: returned only when the registries show the guardian as its parent (guardianship by
     * hukou relation and marriage registration); NOT_FOUND says nothing about whether the child exists.
     */
    public Household guardianship(String guardianIdNumber, String childIdNumber, int season) {
        return collector.guardianship(guardianIdNumber, childIdNumber, season);
    }

    /** 学位信息一键查: everything the registries say about the child and its family, as the policy's facts. */
    public FactsReport check(String guardianIdNumber, String childIdNumber, Grade grade, int season) {
        return collector.facts(guardianIdNumber, childIdNumber, grade, season);
    }

    /** A well-formed ID number (GB 11643-1999: 17 digits, birth date, mod 11-2 check character). */
    public static boolean wellFormed(String idNumber) {
        if (idNumber == null || !idNumber.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * weights[i];
        }
        char check = "10X98765432".charAt(sum % 11);
        return Character.toUpperCase(idNumber.charAt(17)) == check && FactsCollector.birthDate(idNumber) != null;
    }

    /** G1 or G7 for a birth date in the season, or null. */
    public static Grade cohort(java.time.LocalDate birthDate, int season) {
        return FactsCollector.cohort(birthDate, season);
    }
}
