package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xuewei.platform.policy.Family.*;
import static org.xuewei.platform.policy.PropertyUsage.RESIDENTIAL;
import static org.xuewei.platform.policy.Relation.FATHER;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExplanationTests {

    static final PolicyEvaluator CITY = NanchangUrbanPolicyTests.CITY;

    @Test
    void parentsReadWhyTheirChildIsInCategory1() {
        Evaluation e = CITY.evaluate(child("x").familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-05-01"), father(100)).build(), SCHOOL, DISTRICT);
        List<String> text = Explanation.forParent(e, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).containsExactly(
                "属于第1类生源：父母户籍在本学区，户主为父亲，父亲名下住宅房产在本学区，证书日期不晚于6月30日");
    }

    @Test
    void englishUsesThePolicysEnglishSentences() {
        Evaluation e = CITY.evaluate(child("x").familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2020-05-01"), father(100)).build(), SCHOOL, DISTRICT);
        assertThat(Explanation.forParent(e, Locale.ENGLISH)).containsExactly(
                "In category 1: the child's and a parent's hukou are in the zone, the householder is a parent, "
                        + "a parent or the child owns a residential home in the zone, certificate dated by the cut-off");
    }

    @Test
    void rejectedEvidenceAndNoCategoryAreExplained() {
        Evaluation e = CITY.evaluate(child("late").familyHukou(ZONE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2025-07-01"), father(100)).build(), SCHOOL, DISTRICT);
        List<String> text = Explanation.forParent(e, Locale.ROOT);
        assertThat(text.get(0)).isEqualTo("不属于本校任何生源类别，由教育局统筹安排");
        assertThat(text).anySatisfy(t -> assertThat(t).startsWith("未予认定的材料：不动产权证 ")
                .endsWith("（证书日期2025年7月1日晚于2025年6月30日）"));
    }

    @Test
    void staffSeeEveryRuleTriedWithItsSourcesAndThePolicyVersion() {
        Evaluation e = CITY.evaluate(child("st").familyHukou(URBAN_ELSEWHERE, FATHER)
                .home(ZONE, RESIDENTIAL, d("2022-01-01"), father(100)).build(), SCHOOL, DISTRICT);
        List<String> text = Explanation.forStaff(e, Locale.ROOT);
        assertThat(text.get(0)).startsWith("评估所用政策版本：nanchang-urban-2025@v0#");
        assertThat(text).contains("规则 hukou-with-parents：hukou.inZone && hukou.withParent → 不成立 — 父母户籍在本学区");
        assertThat(text).contains("  依据：公安户籍 #HK-st-CHILD");
        assertThat(text).anySatisfy(t -> assertThat(t).startsWith("属于第3类生源：父亲名下住宅房产在本学区"));
        assertThat(text).anySatisfy(t -> assertThat(t).startsWith("✓ 不动产权证 不动产登记 #"));
    }

    @Test
    void pointsAreExplainedItemByItem() {
        PolicyEvaluator hgt = DistrictVariantTests.HONGGUTAN;
        Evaluation e = hgt.evaluate(child("p").familyHukou(ZONE, FATHER, d("2022-03-01"))
                .rental(ZONE, d("2024-01-01"), d("2026-01-01")).insurance(FATHER, 20, d("2023-01-01")).build(),
                SCHOOL, DISTRICT);
        assertThat(Explanation.forParent(e, Locale.ROOT)).containsSequence(
                "积分合计 56 分",
                "户籍积分（户籍在本学区3年）：36 分",
                "住房积分（本学区备案租赁）：15 分",
                "社保积分（社保20个月，每月0.25分）：5 分",
                "长幼随学（无兄姐在本校就读）：0 分");
    }

    @Test
    void tooYoungIsExplained() {
        Evaluation e = CITY.evaluate(child("y").born(d("2019-09-01")).familyHukou(ZONE, FATHER).build(), SCHOOL, DISTRICT);
        assertThat(Explanation.forParent(e, Locale.ROOT)).containsExactly(
                "不符合一年级（幼升小）入学资格，截至2025年8月31日未满6周岁（5周岁），不符合入学年龄");
    }
}
