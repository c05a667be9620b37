package org.xuewei.platform.policy.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.policy.seed.SeasonShift;
import org.xuewei.platform.policy.seed.ShippedPolicyImport;

/**
 * Which policy id belongs to a district in a season: the one the store already holds for it (published first),
 * else {@code district-<code>-<season>}, created from the city default on the first save. The city default of a
 * season is the shipped one moved to that season ({@code nanchang-urban-<season>}).
 */
@Component
class PolicyDirectory {

    private final JdbcClient jdbc;

    PolicyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String cityPolicyId(int season) {
        return SeasonShift.idIn(ShippedPolicyImport.CITY_DEFAULT, 2025, season);
    }

    String districtPolicyId(String districtCode, int season) {
        return jdbc.sql("""
                        select policy_id from (
                            select policy_id, 0 as rank from policy.policy_version where district = :district and season = :season
                            union all
                            select policy_id, 1 as rank from policy.policy_draft where district = :district and season = :season
                        ) as known order by rank, policy_id limit 1""")
                .param("district", districtCode)
                .param("season", season)
                .query(String.class).optional()
                .orElse("district-" + districtCode + "-" + season);
    }
}
