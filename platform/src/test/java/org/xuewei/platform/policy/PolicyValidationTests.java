package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xuewei.platform.policy.Family.*;
import static org.xuewei.platform.policy.Relation.FATHER;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidationTests {

    static final Policy CITY = NanchangUrbanPolicyTests.LIBRARY.resolve("nanchang-urban-2025");

    static Policy withCategory1Condition(Policy p, String when) {
        List<CategoryRule> cats = new ArrayList<>(p.categories());
        CategoryRule c1 = cats.get(0);
        cats.set(0, new CategoryRule(c1.code(), c1.rank(), c1.name(), c1.nameEn(), List.of(new CategoryRule.Route(
                "main", "房户一致", List.of(new Condition("edited", when, "编辑后的条件", null))))));
        return withCategories(p, cats);
    }

    static Policy withCategories(Policy p, List<CategoryRule> cats) {
        return new Policy(p.id(), p.name(), p.district(), p.season(), p.basedOn(), p.example(), p.window(),
                p.eligibility(), p.evidence(), cats, p.points(), p.tieBreak(), p.propertyLock(), p.overflow(),
                p.siblings(), p.privateSchools(), p.preferentialCategories(), p.calendar());
    }

    @Test
    void unknownFieldIsRefusedWithLineAndColumnInChinese() {
        List<PolicyProblem> problems = PolicyEvaluator.validate(withCategory1Condition(CITY,
                "hukou.inZone &&\n  homes.exists(h, h.usabel)"));
        assertThat(problems).hasSize(1);
        PolicyProblem p = problems.get(0);
        assertThat(p.path()).isEqualTo("categories[C1].routes[main].conditions[0].when");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).as("at the dot before the field, like CEL").isEqualTo(20);
        assertThat(p.message()).isEqualTo("未知字段 'usabel'（事实模型中没有这个字段）");
    }

    @Test
    void typeErrorAndSyntaxErrorAreRefused() {
        assertThat(PolicyEvaluator.validate(withCategory1Condition(CITY, "child.ageAtCutoff > '6'")))
                .singleElement().satisfies(p -> {
                    assertThat(p.message()).startsWith("类型不匹配：'>' 不能用于 (int, string)");
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.column()).isEqualTo(19);
                });
        assertThat(PolicyEvaluator.validate(withCategory1Condition(CITY, "hukou.inZone &&")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("语法错误"));
        assertThat(PolicyEvaluator.validate(withCategory1Condition(CITY, "child.ageAtCutoff")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("应返回真/假"));
    }

    @Test
    void aRuleBeyondTheCostLimitIsRefusedAtSave() {
        String nested = "homes.all(a, homes.all(b, homes.all(c, a.owners.exists(o, o.share > b.familyShare - c.familyShare))))";
        assertThat(nested).as("type-checks: share and familyShare are doubles").isNotEmpty();
        assertThat(PolicyEvaluator.validate(withCategory1Condition(CITY, nested)))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("超过上限"));
    }

    @Test
    void aRuleThatPassesTheEstimateButExceedsTheIterationBudgetStopsWithAClearMessage() {
        // two nested loops pass the static estimate; a family with 50 homes makes 2,500 iterations > 2,000
        String twoLoops = "homes.all(a, homes.all(b, a.familyShare + b.familyShare >= 0.0))";
        PolicyEvaluator p = PolicyEvaluator.compile(withCategory1Condition(CITY, twoLoops));
        Family big = child("big").familyHukou(ZONE, FATHER);
        for (int i = 0; i < 50; i++) {
            big.home(URBAN_ELSEWHERE, PropertyUsage.RESIDENTIAL, d("2020-01-01"), father(100));
        }
        assertThatThrownBy(() -> p.decide(big.build(), SCHOOL, DISTRICT))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("超出开销上限");
        assertThatThrownBy(() -> p.evaluate(big.build(), SCHOOL, DISTRICT))
                .isInstanceOf(PolicyEvaluationException.class)
                .hasMessageContaining("categories[C1].routes[main].conditions[0]");
    }

    @Test
    void categoryGapsAndDuplicatesAreAllListed() {
        List<CategoryRule> cats = new ArrayList<>(CITY.categories());
        CategoryRule c3 = cats.get(2);
        cats.set(2, new CategoryRule("C2", 2, c3.name(), c3.nameEn(), c3.routes()));
        List<PolicyProblem> problems = PolicyEvaluator.validate(withCategories(CITY, cats));
        assertThat(problems).extracting(PolicyProblem::message)
                .contains("类别编号 C2 重复", "类别顺序 2 重复", "类别顺序应从 1 连续编号，缺少第 3 位");
    }

    @Test
    void aDateOutsideTheSeasonIsRefused() {
        var cal = new PolicyCalendar(List.of(new PolicyCalendar.Phase(Grade.G1, "COLLECT", "信息采集",
                LocalDateTime.of(2025, 12, 1, 8, 0), LocalDateTime.of(2025, 12, 5, 18, 0))));
        Policy p = new Policy(CITY.id(), CITY.name(), CITY.district(), CITY.season(), null, null, CITY.window(),
                CITY.eligibility(), CITY.evidence(), CITY.categories(), null, CITY.tieBreak(), CITY.propertyLock(),
                CITY.overflow(), CITY.siblings(), CITY.privateSchools(), CITY.preferentialCategories(), cal);
        assertThat(PolicyEvaluator.validate(p)).extracting(PolicyProblem::path)
                .containsExactly("calendar.phases[0].start", "calendar.phases[0].end");
    }

    @Test
    void everyProblemIsListedAndThePublishedVersionIsUntouched() {
        var versions = new PolicyVersions(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
        versions.saveDraft(CITY);
        var v1 = versions.publish(CITY.id(), "admin-a", "admin-b");
        assertThat(v1.ref().version()).isEqualTo(1);

        Policy broken = withCategory1Condition(CITY, "hukou.inZon");
        List<CategoryRule> cats = new ArrayList<>(broken.categories());
        cats.remove(3);
        Policy worse = withCategories(broken, cats);
        assertThatThrownBy(() -> versions.saveDraft(worse))
                .isInstanceOfSatisfying(PolicyValidationException.class, e ->
                        assertThat(e.problems()).hasSize(2).extracting(PolicyProblem::path)
                                .containsExactlyInAnyOrder("categories[C1].routes[main].conditions[0].when", "categories"));
        assertThat(versions.draft(CITY.id())).isEmpty();
        assertThat(versions.latest(CITY.id()).orElseThrow()).isSameAs(v1);
        assertThat(versions.version(CITY.id(), 1).orElseThrow().policy()).isEqualTo(CITY);
    }

    @Test
    void publishingFreezesVersionsAndNeedsASecondAdmin() {
        var versions = new PolicyVersions(Clock.systemUTC());
        versions.saveDraft(CITY);
        assertThatThrownBy(() -> versions.publish(CITY.id(), "admin-a", "admin-a"))
                .hasMessageContaining("另一位管理员");
        var v1 = versions.publish(CITY.id(), "admin-a", "admin-b");
        Policy changed = withCategory1Condition(CITY, "hukou.inZone");
        versions.saveDraft(changed);
        assertThat(versions.draftChanges(CITY.id())).extracting(PolicyChange::path)
                .contains("categories[C1].routes[main].conditions[edited]",
                        "categories[C1].routes[main].conditions[hukou-with-parents]");
        var v2 = versions.publish(CITY.id(), "admin-b", "admin-a");
        assertThat(v2.ref().version()).isEqualTo(2);
        assertThat(v2.ref().contentHash()).isNotEqualTo(v1.ref().contentHash());
        assertThat(versions.version(CITY.id(), 1).orElseThrow().policy()).isEqualTo(CITY);

        Evaluation judged = versions.evaluator(v1.ref()).decide(child("v").familyHukou(ZONE, FATHER).build(), SCHOOL, DISTRICT);
        assertThat(judged.policy()).isEqualTo(v1.ref());
        assertThatThrownBy(() -> v1.policy().categories().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theExamplesInDocsPolicyMdTypeCheck() {
        for (String example : List.of(
                "hukou.inZone && hukou.withParent",
                "hukou.householder in ['PATERNAL_GRANDFATHER', 'PATERNAL_GRANDMOTHER', 'MATERNAL_GRANDFATHER', 'MATERNAL_GRANDMOTHER']",
                "homes.exists(h, h.usable && h.inZone && h.residential && h.ownedByChildOrParent)",
                "!homes.exists(h, h.inUrban && h.ownedByChildOrParent && (h.kind == 'CERTIFICATE' || h.usable))",
                "'ACTIVE_MILITARY' in preferential",
                "!marital.exists(m, m.kind == 'DIVORCE' && monthsBetween(m.date, policy.certificateCutoff) < 12)")) {
            assertThat(PolicyEvaluator.validate(withCategory1Condition(CITY, example))).as(example).isEmpty();
        }
    }

    @Test
    void aRecentDivorceRuleSeesTheCivilAffairsRecord() {
        PolicyEvaluator p = PolicyEvaluator.compile(withCategory1Condition(CITY,
                "!marital.exists(m, m.kind == 'DIVORCE' && monthsBetween(m.date, policy.certificateCutoff) < 12)"));
        ChildFacts base = child("div").familyHukou(ZONE, FATHER).build();
        ChildFacts divorced = new ChildFacts(base.childId(), base.birthDate(), base.grade(), base.hukous(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new MaritalEventFact(Relation.MOTHER, MaritalEventFact.Kind.DIVORCE, d("2025-02-01"), null)),
                null, List.of(), List.of());
        assertThat(p.decide(base, SCHOOL, DISTRICT).category().code()).isEqualTo("C1");
        assertThat(p.decide(divorced, SCHOOL, DISTRICT).category().code()).isNotEqualTo("C1");
    }

    @Test
    void unknownPropertiesInAPolicyDocumentAreRefused() {
        assertThatThrownBy(() -> PolicyLibrary.shipped().add("""
                {"id": "typo", "extends": "nanchang-urban-2025", "name": "x",
                 "override": {"evidence": {"certificateCutof": "2025-06-30"}}}
                """).resolve("typo"))
                .isInstanceOfSatisfying(PolicyValidationException.class,
                        e -> assertThat(e.problems().get(0).message()).contains("certificateCutof"));
    }
}
