package org.xuewei.platform.application;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * The application desk.
 *
 * @param season             entry year; 0 = this year until August, next year from September (as the exchange)
 * @param reverifyEvery      how often pending applications are verified again
 * @param districtPolicies   district code → policy id (default: 南昌县 and 红谷滩区's shipped policies); others use
 *                           {@code defaultPolicy}
 * @param defaultPolicy      the city default policy id
 * @param recentMoveInMonths a child's hukou moved in less than this many months before the certificate cut-off → review
 * @param divorceMonths      a divorce less than this many months before the certificate cut-off, with the child's
 *                           hukou moved after it → review
 * @param enforceWindow      submissions and changes only in the policy calendar's COLLECT phase (tests switch it off
 *                           because other tests publish policies with other calendars into the shared database)
 * @param reuseCheckFor      a submission right after a complete one-click check uses that check's answers instead of
 *                           asking every registry again, and the children found in the household are listed again
 *                           without asking the hukou registry for as long (0 = always ask again)
 * @param policyRefresh      how long the district's current policy is kept in memory before the store is asked again
 *                           (a publication on this instance drops it at once; this bounds it for other instances)
 */
@Validated
@ConfigurationProperties("xuewei.application")
public record ApplicationProperties(
        @DefaultValue("0") @Min(0) int season,
        @DefaultValue("1m") Duration reverifyEvery,
        Map<String, String> districtPolicies,
        @DefaultValue("nanchang-urban-2025") String defaultPolicy,
        @DefaultValue("12") @Min(0) int recentMoveInMonths,
        @DefaultValue("12") @Min(0) int divorceMonths,
        @DefaultValue("true") boolean enforceWindow,
        @DefaultValue("2m") Duration reuseCheckFor,
        @DefaultValue("10s") Duration policyRefresh) {

    public ApplicationProperties {
        districtPolicies = districtPolicies == null || districtPolicies.isEmpty()
                ? Map.of("360121", "nanchang-county-2025", "360113", "honggutan-points-2025")
                : Map.copyOf(districtPolicies);
    }

    public String policyFor(String districtCode) {
        return districtPolicies.getOrDefault(districtCode, defaultPolicy);
    }
}
