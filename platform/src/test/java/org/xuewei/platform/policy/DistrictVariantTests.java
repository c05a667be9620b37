package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.platform.policy.Family.*;
import static org.xuewei.platform.policy.NanchangUrbanPolicyTests.judge;
import static org.xuewei.platform.policy.PropertyUsage.RESIDENTIAL;
import static org.xuewei.platform.policy.Relation.FATHER;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DistrictVariantTests {

    static final PolicyLibrary LIBRARY = NanchangUrbanPolicyTests.LIBRARY;
    static final PolicyEvaluator CITY = NanchangUrbanPolicyTests.CITY;
    static final PolicyEvaluator COUNTY = PolicyEvaluator.compile(LIBRARY.resolve("nanchang-county-2025"));
    static final PolicyEvaluator HONGGUTAN = PolicyEvaluator.compile(LIBRARY.resolve("honggutan-points-2025"));
    static final PolicyEvaluator EARLIER = PolicyEvaluator.compile(LIBRARY.resolve("example-earlier-hukou-2025"));

    @Test
    void everyShippedPolicyResolvesAndCompiles() {
        assertThat(LIBRARY.ids()).containsExactly("nanchang-urban-2025", "nanchang-county-2025",
                "honggutan-points-2025", "example-earlier-hukou-2025");
        for (String id : LIBRARY.ids()) {
            assertThat(PolicyEvaluator.validate(LIBRARY.resolve(id))).as(id).isEmpty();
        }
    }

    @Test
    void county_deliveredHomeContractCountsAsCertificate_undeliveredDoesNot() {
        var delivered = child("wq1").familyHukou(ZONE, FATHER).contract(ZONE, true, d("2024-03-01"), father(100));
        var undelivered = child("wq2").familyHukou(ZONE, FATHER).contract(ZONE, false, d("2024-03-01"), father(100));
        assertThat(judge(COUNTY, delivered).category().code()).isEqualTo("C1");
        assertThat(judge(CITY, delivered).category().code()).isNull();
        Evaluation e = judge(COUNTY, undelivered);
        assertThat(e.category().decided()).isFalse();
        assertThat(e.evidence().get(0).problems()).containsExactly("网签购房合同对应房屋尚未交房入住");
    }

    @Test
    void county_activeServiceChildrenAreCategory1ByTheirOwnRoute() {
        var soldier = child("mil").familyHukou(RURAL, FATHER).preferential("ACTIVE_MILITARY");
        Evaluation e = judge(COUNTY, soldier);
        assertThat(e.category().code()).isEqualTo("C1");
        assertThat(e.category().routeId()).isEqualTo("active-military");
        assertThat(e.preferential()).as("county ranks them in category 1, not before ranking").isEmpty();
        assertThat(judge(CITY, soldier).preferential()).containsExactly("ACTIVE_MILITARY");
    }

    @Test
    void county_diffAgainstTheCityListsExactlyItsChanges() {
        List<String> paths = LIBRARY.changesAgainstBase("nanchang-county-2025").stream().map(PolicyChange::path).toList();
        assertThat(paths).contains("evidence.contractCountsAsCertificate", "evidence.urbanDistricts",
                "categories[C1].routes[active-military]", "preferentialCategories", "id", "name", "district", "basedOn");
        assertThat(paths).noneMatch(p -> p.startsWith("categories[C2]") || p.startsWith("calendar"));
        PolicyChange contract = LIBRARY.changesAgainstBase("nanchang-county-2025").stream()
                .filter(c -> c.path().equals("evidence.contractCountsAsCertificate")).findFirst().orElseThrow();
        assertThat(contract.kind()).isEqualTo(PolicyChange.Kind.CHANGED);
        assertThat(contract.before()).isEqualTo("false");
        assertThat(contract.after()).isEqualTo("true");
    }

    @Test
    void honggutan_pointsAreItemisedCappedAndLabelledAsAnExample() {
        assertThat(HONGGUTAN.policy().example()).contains("示例");
        var f = child("pts").familyHukou(ZONE, FATHER, d("2018-03-01"))
                .home(ZONE, RESIDENTIAL, d("2018-01-01"), father(100))
                .insurance(FATHER, 72, d("2019-01-01"))
                .sibling("elder", false, SCHOOL);
        Evaluation e = judge(HONGGUTAN, f);
        assertThat(e.points().items()).extracting(PointsScore.Item::code)
                .containsExactly("hukou", "housing", "insurance", "sibling");
        assertThat(e.points().items()).extracting(PointsScore.Item::points).containsExactly(40.0, 40.0, 15.0, 5.0);
        assertThat(e.points().items().get(0).raw()).isEqualTo(44.0);
        assertThat(e.points().items().get(2).raw()).isEqualTo(18.0);
        assertThat(e.points().total()).isEqualTo(100.0);
        assertThat(e.points().items().get(0).text()).isEqualTo("户籍在本学区7年");
        Evaluation fast = HONGGUTAN.decide(f.build(), SCHOOL, DISTRICT);
        assertThat(fast.points().total()).isEqualTo(100.0);
        assertThat(CITY.evaluate(f.build(), SCHOOL, DISTRICT).points()).isNull();
    }

    @Test
    void honggutan_ranksWithinACategoryByPoints() {
        var more = child("more").familyHukou(ZONE, FATHER, d("2016-01-01"))
                .home(ZONE, RESIDENTIAL, d("2016-01-01"), father(100));
        var fewer = child("fewer").familyHukou(ZONE, FATHER, d("2024-01-01"))
                .home(ZONE, RESIDENTIAL, d("2023-01-01"), father(100));
        Evaluation a = HONGGUTAN.decide(more.build(), SCHOOL, DISTRICT);
        Evaluation b = HONGGUTAN.decide(fewer.build(), SCHOOL, DISTRICT);
        assertThat(a.category().code()).isEqualTo(b.category().code()).isEqualTo("C1");
        assertThat(Stream.of(b, a).sorted(HONGGUTAN.admissionOrder()).toList()).containsExactly(a, b);
    }

    @Test
    void earlierHukouVariant_ordersWithinACategoryByMoveInDate_cityLeavesItToTheLottery() {
        var early = child("early").familyHukou(ZONE, FATHER, d("2012-05-01"))
                .home(ZONE, RESIDENTIAL, d("2012-01-01"), father(100));
        var late = child("late").familyHukou(ZONE, FATHER, d("2024-11-01"))
                .home(ZONE, RESIDENTIAL, d("2012-01-01"), father(100));
        Evaluation e = EARLIER.decide(early.build(), SCHOOL, DISTRICT);
        Evaluation l = EARLIER.decide(late.build(), SCHOOL, DISTRICT);
        assertThat(Stream.of(l, e).sorted(EARLIER.admissionOrder()).toList()).containsExactly(e, l);
        assertThat(CITY.admissionOrder().compare(CITY.decide(late.build(), SCHOOL, DISTRICT),
                CITY.decide(early.build(), SCHOOL, DISTRICT))).isZero();
        assertThat(EARLIER.policy().tieBreak()).containsExactly(Policy.TieBreak.EARLIER_HUKOU_DATE, Policy.TieBreak.LOTTERY);
    }

    @Test
    void aDistrictOverrideCanLowerTheShareRule_50IsRejectedAnd51Accepted() {
        PolicyLibrary lib = PolicyLibrary.shipped().add("""
                {"id": "share-test", "extends": "nanchang-urban-2025", "name": "份额测试", "district": "360102",
                 "override": {"evidence": {"directRelativesOnly": false, "minFamilySharePercent": 51}}}
                """);
        PolicyEvaluator p = PolicyEvaluator.compile(lib.resolve("share-test"));
        var fifty = child("s50").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-01-01"), father(50), stranger(50));
        var fiftyOne = child("s51").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-01-01"), father(51), stranger(49));
        Evaluation e50 = judge(p, fifty);
        assertThat(e50.category().decided()).isFalse();
        assertThat(e50.evidence().get(0).problems()).containsExactly("家庭成员合计产权份额50%，低于51%");
        assertThat(judge(p, fiftyOne).category().code()).isEqualTo("C1");
        assertThat(judge(CITY, fiftyOne).category().code()).as("the city rejects non-relative co-owners").isNull();
        assertThat(lib.resolve("share-test").basedOn()).isEqualTo("nanchang-urban-2025");
    }

    @Test
    void sharesWithDecimalsAddUp_25_5Plus25_5IsEnough() {
        PolicyLibrary lib = PolicyLibrary.shipped().add("""
                {"id": "share-dec", "extends": "nanchang-urban-2025", "name": "份额测试", "district": "360102",
                 "override": {"evidence": {"directRelativesOnly": false}}}
                """);
        PolicyEvaluator p = PolicyEvaluator.compile(lib.resolve("share-dec"));
        var f = child("s-dec").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-01-01"),
                new Owner(Relation.FATHER, 25.5), new Owner(Relation.MOTHER, 25.5), new Owner(Relation.NON_RELATIVE, 49));
        var g = child("s-dec2").familyHukou(ZONE, FATHER).home(ZONE, RESIDENTIAL, d("2020-01-01"),
                new Owner(Relation.FATHER, 25.5), new Owner(Relation.MOTHER, 25.25), new Owner(Relation.NON_RELATIVE, 49.25));
        assertThat(judge(p, f).category().code()).isEqualTo("C1");
        assertThat(judge(p, g).evidence().get(0).problems()).containsExactly("家庭成员合计产权份额50.75%，低于51%");
    }

    @Test
    void anOverrideCanRemoveACategoryByCode() {
        PolicyLibrary lib = PolicyLibrary.shipped().add("""
                {"id": "no-c7", "extends": "nanchang-urban-2025", "name": "无第7类", "district": "360102",
                 "override": {"categories": [{"code": "C7", "remove": true}]}}
                """);
        Policy p = lib.resolve("no-c7");
        assertThat(p.categories()).extracting(CategoryRule::code).doesNotContain("C7").hasSize(6);
        assertThat(PolicyEvaluator.validate(p)).isEmpty();
        assertThat(PolicyChange.between(lib.resolve("nanchang-urban-2025"), p))
                .anySatisfy(c -> {
                    assertThat(c.path()).isEqualTo("categories[C7]");
                    assertThat(c.kind()).isEqualTo(PolicyChange.Kind.REMOVED);
                });
    }
}
