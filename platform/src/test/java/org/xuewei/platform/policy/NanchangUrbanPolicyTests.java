package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.platform.policy.Family.*;
import static org.xuewei.platform.policy.PropertyUsage.*;
import static org.xuewei.platform.policy.Relation.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NanchangUrbanPolicyTests {

    static final PolicyLibrary LIBRARY = PolicyLibrary.shipped();
    static final PolicyEvaluator CITY = PolicyEvaluator.compile(LIBRARY.resolve("nanchang-urban-2025"));

    static Evaluation judge(PolicyEvaluator policy, Family family) {
        Evaluation full = policy.evaluate(family.build(), SCHOOL, DISTRICT);
        Evaluation fast = policy.decide(family.build(), SCHOOL, DISTRICT);
        assertThat(fast.category().code()).as("bulk and explained paths agree").isEqualTo(full.category().code());
        assertThat(fast.eligibility().eligible()).isEqualTo(full.eligibility().eligible());
        return full;
    }

    static String category(PolicyEvaluator policy, Family family) {
        return judge(policy, family).category().code();
    }

    @Test
    void category1_parentsHukouAndHomeInZone() {
        var f = child("c1").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-05-01"), father(100));
        assertThat(category(CITY, f)).isEqualTo("C1");
    }

    @Test
    void category2_grandparentsHomeAndHouseholder() {
        var f = child("c2").familyHukou(ZONE, PATERNAL_GRANDFATHER)
                .home(ZONE, RESIDENTIAL, d("2010-01-01"), grandfather(100));
        assertThat(category(CITY, f)).isEqualTo("C2");
    }

    @Test
    void grandparentsHome_withParentsOwningElsewhereInTheCity_isNotCategory2() {
        var f = child("c2x").familyHukou(ZONE, PATERNAL_GRANDFATHER)
                .home(ZONE, RESIDENTIAL, d("2010-01-01"), grandfather(100))
                .home(URBAN_ELSEWHERE, RESIDENTIAL, d("2021-01-01"), father(50), mother(50));
        Evaluation e = judge(CITY, f);
        assertThat(e.category().decided()).isFalse();
        assertThat(e.category().tried()).anySatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("no-parent-property");
            assertThat(r.holds()).isFalse();
        });
    }

    @Test
    void category3_homeInZoneHukouElsewhere() {
        var f = child("c3").familyHukou(URBAN_ELSEWHERE, FATHER).home(ZONE, RESIDENTIAL, d("2022-01-01"), mother(100));
        assertThat(category(CITY, f)).isEqualTo("C3");
    }

    @Test
    void category4_hukouAtApartmentInZone() {
        var f = child("c4").familyHukou(ZONE, FATHER).home(ZONE, APARTMENT, d("2021-01-01"), father(100));
        assertThat(category(CITY, f)).isEqualTo("C4");
    }

    @Test
    void category5_collectiveHukouAndRegisteredRental() {
        var f = child("c5")
                .hukou(CHILD, ZONE, OTHER_RELATIVE, true, EnumSet.of(CHILD, FATHER, MOTHER))
                .hukou(FATHER, ZONE, OTHER_RELATIVE, true, EnumSet.of(CHILD, FATHER, MOTHER))
                .rental(ZONE, d("2024-10-01"), d("2026-10-01"));
        Evaluation e = judge(CITY, f);
        assertThat(e.category().code()).isEqualTo("C5");
        assertThat(e.category().reasons().get(0).text()).isEqualTo("父母集体户籍在本学区");
    }

    @Test
    void category6_urbanHukouElsewhereAndRental() {
        var f = child("c6").familyHukou(URBAN_ELSEWHERE, FATHER).rental(ZONE, d("2024-03-01"), d("2026-03-01"));
        assertThat(category(CITY, f)).isEqualTo("C6");
    }

    @Test
    void category7_migrantWithPermitAndInsurance() {
        var f = child("c7").familyHukou(RURAL, FATHER)
                .permit(FATHER, d("2023-05-01"), d("2026-05-01"))
                .insurance(FATHER, 30, d("2022-12-01"));
        assertThat(category(CITY, f)).isEqualTo("C7");
    }

    @Test
    void certificateDatedOnTheCutOffDayCounts_theNextDayDoesNot() {
        var onDay = child("cut1").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2025-06-30"), father(100));
        var dayAfter = child("cut2").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2025-07-01"), father(100));
        assertThat(category(CITY, onDay)).isEqualTo("C1");
        Evaluation late = judge(CITY, dayAfter);
        assertThat(late.category().code()).isNotEqualTo("C1").isNotEqualTo("C3");
        assertThat(late.evidence()).anySatisfy(n -> assertThat(n.problems())
                .contains("证书日期2025年7月1日晚于2025年6月30日"));
    }

    @Test
    void coOwnershipWithANonRelativeIsRejected() {
        var f = child("co").familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-01-01"), father(60), stranger(40));
        assertThat(category(CITY, f)).isNull();
    }

    @Test
    void commercialUnitIsRejected() {
        var f = child("com").familyHukou(ZONE, FATHER).home(ZONE, COMMERCIAL, d("2020-01-01"), father(100));
        Evaluation e = judge(CITY, f);
        assertThat(e.category().decided()).isFalse();
        assertThat(e.evidence().get(0).problems()).contains("房屋用途为商业，不予认定");
    }

    @Test
    void purchaseContractDoesNotCountInTheCityDefault() {
        var f = child("wq").familyHukou(ZONE, FATHER).contract(ZONE, true, d("2024-01-01"), father(100));
        Evaluation e = judge(CITY, f);
        assertThat(e.category().decided()).isFalse();
        assertThat(e.evidence().get(0).problems()).contains("本政策不认可网签购房合同");
    }

    @Test
    void ageCutOff_sixOnThe31stOfAugustIsEligible_bornADayLaterIsNot() {
        var six = child("age1").born(d("2019-08-31")).familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-01-01"), father(100));
        var young = child("age2").born(d("2019-09-01")).familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-01-01"), father(100));
        assertThat(judge(CITY, six).eligibility().eligible()).isTrue();
        Evaluation e = judge(CITY, young);
        assertThat(e.eligibility().eligible()).isFalse();
        assertThat(e.eligibility().reasons().get(0).text()).isEqualTo("截至2025年8月31日未满6周岁（5周岁），不符合入学年龄");
        assertThat(e.category().decided()).isFalse();
    }

    @Test
    void grade7NeedsGraduationInTheStudentRegistry() {
        var graduated = child("g7a").grade7(d("2025-06-30")).familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-01-01"), father(100));
        var not = child("g7b").grade7(null).familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-01-01"), father(100));
        assertThat(category(CITY, graduated)).isEqualTo("C1");
        assertThat(judge(CITY, not).eligibility().eligible()).isFalse();
    }

    @Test
    void homeUsedByAnotherChildWithinTheLockYearsIsLocked_siblingIsExempt() {
        var other = child("lock1").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2015-01-01"),
                java.util.List.of(new PlaceUse("stranger-child", Grade.G1, 2021)), father(100));
        var sibling = child("lock2").familyHukou(ZONE, FATHER).sibling("elder", false, SCHOOL)
                .home(ZONE, RESIDENTIAL, d("2015-01-01"), java.util.List.of(new PlaceUse("elder", Grade.G1, 2021)),
                        father(100));
        var expired = child("lock3").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2015-01-01"),
                java.util.List.of(new PlaceUse("stranger-child", Grade.G1, 2019)), father(100));
        Evaluation locked = judge(CITY, other);
        assertThat(locked.category().code()).isNotEqualTo("C1");
        assertThat(locked.evidence().get(0).problems()).contains("该房产已于2021年用于入学，锁定6年");
        assertThat(category(CITY, sibling)).isEqualTo("C1");
        assertThat(category(CITY, expired)).isEqualTo("C1");
    }

    @Test
    void preferentialCategoryIsRecordedAndAdmittedFirst() {
        var hero = child("pref").familyHukou(RURAL, FATHER).preferential("MARTYR");
        var c1 = child("p-c1").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-01-01"), father(100));
        Evaluation h = judge(CITY, hero);
        Evaluation o = judge(CITY, c1);
        assertThat(h.preferential()).containsExactly("MARTYR");
        assertThat(java.util.stream.Stream.of(o, h).sorted(CITY.admissionOrder()).toList()).containsExactly(h, o);
    }

    @Test
    void evaluationRecordsThePolicyThatJudgedIt() {
        Evaluation e = judge(CITY, child("ref").familyHukou(ZONE, FATHER));
        assertThat(e.policy().policyId()).isEqualTo("nanchang-urban-2025");
        assertThat(e.policy().contentHash()).hasSize(64);
    }
}
