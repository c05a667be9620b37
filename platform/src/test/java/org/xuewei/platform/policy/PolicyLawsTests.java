package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Laws every policy obeys, checked on random families under every shipped policy. */
class PolicyLawsTests {

    static final List<PolicyEvaluator> POLICIES = NanchangUrbanPolicyTests.LIBRARY.ids().stream()
            .map(id -> PolicyEvaluator.compile(NanchangUrbanPolicyTests.LIBRARY.resolve(id))).toList();

    @Property(tries = 300)
    void theBulkPathDecidesExactlyAsTheExplainedPath(@ForAll long seed) {
        ChildFacts f = SyntheticFamilies.family(new Random(seed), 1);
        for (PolicyEvaluator p : POLICIES) {
            Evaluation full = p.evaluate(f, Family.SCHOOL, Family.DISTRICT);
            Evaluation fast = p.decide(f, Family.SCHOOL, Family.DISTRICT);
            assertThat(fast.eligibility().eligible()).isEqualTo(full.eligibility().eligible());
            assertThat(fast.category().code()).isEqualTo(full.category().code());
            assertThat(fast.preferential()).isEqualTo(full.preferential());
            if (full.points() != null) {
                assertThat(fast.points().total()).isEqualTo(full.points().total());
            }
        }
    }

    @Property(tries = 300)
    void theParentPathJudgesAndExplainsExactlyAsTheFullPath_withoutTheStaffTrace(@ForAll long seed) {
        ChildFacts f = SyntheticFamilies.family(new Random(seed), 4);
        for (PolicyEvaluator p : POLICIES) {
            Evaluation full = p.evaluate(f, Family.SCHOOL, Family.DISTRICT);
            Evaluation parent = p.evaluateForParent(f, Family.SCHOOL, Family.DISTRICT);
            CategoryDecision c = full.category();
            Evaluation untraced = new Evaluation(full.childId(), full.grade(), full.schoolId(), full.policy(),
                    full.eligibility(), new CategoryDecision(c.code(), c.rank(), c.name(), c.nameEn(), c.routeId(),
                    c.routeName(), c.reasons(), List.of()), full.points(), full.preferential(), full.hukouMoveInDate(),
                    full.evidence());
            assertThat(parent).isEqualTo(untraced);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(Explanation.forParent(parent, locale)).isEqualTo(Explanation.forParent(full, locale));
            }
        }
    }

    @Property(tries = 300)
    void theOrderOfRegistryRecordsDoesNotMatter(@ForAll long seed) {
        ChildFacts f = SyntheticFamilies.family(new Random(seed), 2);
        ChildFacts g = SyntheticFamilies.reversed(f);
        for (PolicyEvaluator p : POLICIES) {
            Evaluation a = p.decide(f, Family.SCHOOL, Family.DISTRICT);
            Evaluation b = p.decide(g, Family.SCHOOL, Family.DISTRICT);
            assertThat(b.category().code()).isEqualTo(a.category().code());
            assertThat(b.points() == null ? null : b.points().total())
                    .isEqualTo(a.points() == null ? null : a.points().total());
        }
    }

    @Property(tries = 200)
    void aCategoryIsOnlyEverDecidedForAnEligibleChild_andItsRankMatchesItsRule(@ForAll long seed) {
        ChildFacts f = SyntheticFamilies.family(new Random(seed), 3);
        for (PolicyEvaluator p : POLICIES) {
            Evaluation e = p.evaluate(f, Family.SCHOOL, Family.DISTRICT);
            if (!e.eligibility().eligible()) {
                assertThat(e.category().decided()).isFalse();
            }
            if (e.category().decided()) {
                CategoryRule rule = p.policy().categories().stream()
                        .filter(c -> c.code().equals(e.category().code())).findFirst().orElseThrow();
                assertThat(e.category().rank()).isEqualTo(rule.rank());
                assertThat(e.category().reasons()).allSatisfy(r -> assertThat(r.holds()).isTrue());
            }
        }
    }
}
