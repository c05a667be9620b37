package org.xuewei.platform.application.internal;

import org.junit.jupiter.api.Test;
import org.xuewei.platform.application.ApplicationProperties;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyVersions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The season's policy when none is published: the shipped one moved by whole years; its window. */
class SeasonPoliciesTests {

    final SeasonPolicies policies = new SeasonPolicies(new PolicyVersions(Clock.systemUTC()),
            new ApplicationProperties(0, java.time.Duration.ofMinutes(1), Map.of(), "nanchang-urban-2025", 12, 12, true,
                    java.time.Duration.ZERO, java.time.Duration.ofSeconds(10)));

    @Test
    void the_shipped_policy_moves_to_the_season_keeping_day_and_month() {
        PolicyEvaluator e = policies.forDistrict("360102", 2027);
        assertThat(e.policy().season()).isEqualTo(2027);
        assertThat(e.policy().eligibility().ageCutoff()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(e.policy().evidence().certificateCutoff()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(policies.forDistrict("360113", 2027).policy().points()).isNotNull();
    }

    @Test
    void applications_are_taken_only_while_the_collection_phase_is_open() {
        assertThat(policies.collecting("360102", 2027, Grade.G1, LocalDateTime.of(2026, 11, 29, 10, 0))).isFalse();
        assertThat(policies.collecting("360102", 2027, Grade.G1, LocalDateTime.of(2027, 7, 16, 10, 0))).isTrue();
        assertThat(policies.collecting("360102", 2027, Grade.G7, LocalDateTime.of(2027, 7, 16, 10, 0))).isFalse();
        assertThat(policies.collecting("360102", 2027, Grade.G7, LocalDateTime.of(2027, 7, 9, 10, 0))).isTrue();
    }

    @Test
    void the_current_policy_is_kept_until_a_version_is_published() {
        PolicyVersions store = org.mockito.Mockito.spy(new PolicyVersions(Clock.systemUTC()));
        SeasonPolicies kept = new SeasonPolicies(store, new ApplicationProperties(0, java.time.Duration.ofMinutes(1),
                Map.of(), "nanchang-urban-2025", 12, 12, true, java.time.Duration.ZERO, java.time.Duration.ofHours(1)));
        PolicyEvaluator first = kept.forDistrict("360102", 2027);
        int lookUps = org.mockito.Mockito.mockingDetails(store).getInvocations().size();
        assertThat(lookUps).isPositive();
        assertThat(kept.forDistrict("360102", 2027)).isSameAs(first);
        assertThat(org.mockito.Mockito.mockingDetails(store).getInvocations()).hasSize(lookUps);

        kept.on(new org.xuewei.platform.policy.PolicyVersionPublished(
                new org.xuewei.platform.policy.PolicyRef("nanchang-urban-2027", 1, "0".repeat(64))));
        kept.forDistrict("360102", 2027);
        assertThat(org.mockito.Mockito.mockingDetails(store).getInvocations()).hasSize(2 * lookUps);
    }

    @Test
    void without_keeping_every_look_up_asks_the_store() {
        PolicyVersions store = org.mockito.Mockito.spy(new PolicyVersions(Clock.systemUTC()));
        SeasonPolicies asking = new SeasonPolicies(store, new ApplicationProperties(0, java.time.Duration.ofMinutes(1),
                Map.of(), "nanchang-urban-2025", 12, 12, true, java.time.Duration.ZERO, java.time.Duration.ZERO));
        asking.forDistrict("360102", 2027);
        int lookUps = org.mockito.Mockito.mockingDetails(store).getInvocations().size();
        asking.forDistrict("360102", 2027);
        assertThat(org.mockito.Mockito.mockingDetails(store).getInvocations()).hasSize(2 * lookUps);
    }

    @Test
    void a_policy_id_in_another_season() {
        assertThat(SeasonPolicies.inSeason("honggutan-points-2025", 2027)).isEqualTo("honggutan-points-2027");
    }
}
