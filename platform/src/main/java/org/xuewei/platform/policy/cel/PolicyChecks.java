package org.xuewei.platform.policy.cel;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyCalendar;
import org.xuewei.platform.policy.PolicyProblem;

/** Structural checks of a policy that need no CEL: required parts, dates in the season, ranks without gaps. */
final class PolicyChecks {

    private PolicyChecks() {
    }

    static void check(Policy p, List<PolicyProblem> out) {
        if (p.id() == null || p.id().isBlank()) {
            out.add(PolicyProblem.at("id", "缺少政策编号"));
        }
        if (p.name() == null || p.name().isBlank()) {
            out.add(PolicyProblem.at("name", "缺少政策名称"));
        }
        if (p.window() == null || p.window().opens() == null || p.window().closes() == null) {
            out.add(PolicyProblem.at("window", "缺少招生季起止日期"));
            return;
        }
        if (p.window().opens().getYear() > p.season() || p.window().closes().getYear() < p.season()) {
            out.add(PolicyProblem.at("window", "招生季起止日期与年度 " + p.season() + " 不符"));
        }
        if (p.eligibility() == null) {
            out.add(PolicyProblem.at("eligibility", "缺少入学资格规则"));
        } else {
            inSeason(p, "eligibility.ageCutoff", p.eligibility().ageCutoff(), true, out);
            if (p.eligibility().minAge() < 0 || p.eligibility().minAge() > 15) {
                out.add(PolicyProblem.at("eligibility.minAge", "入学年龄 " + p.eligibility().minAge() + " 不合理"));
            }
        }
        if (p.evidence() == null) {
            out.add(PolicyProblem.at("evidence", "缺少材料有效性规则"));
        } else {
            var e = p.evidence();
            inSeason(p, "evidence.certificateCutoff", e.certificateCutoff(), true, out);
            inSeason(p, "evidence.validOn", e.validOn(), false, out);
            notAfterSeason(p, "evidence.rentalCutoff", e.rentalCutoff(), out);
            notAfterSeason(p, "evidence.permitCutoff", e.permitCutoff(), out);
            notAfterSeason(p, "evidence.insuranceCutoff", e.insuranceCutoff(), out);
            if (e.minFamilySharePercent() < 0 || e.minFamilySharePercent() > 100) {
                out.add(PolicyProblem.at("evidence.minFamilySharePercent", "产权份额应在 0 到 100 之间"));
            }
            if (e.acceptedUsages().isEmpty()) {
                out.add(PolicyProblem.at("evidence.acceptedUsages", "至少认可一种房屋用途"));
            }
        }
        checkCategories(p.categories(), out);
        Set<Policy.TieBreak> seen = new HashSet<>();
        for (int i = 0; i < p.tieBreak().size(); i++) {
            Policy.TieBreak t = p.tieBreak().get(i);
            if (t == null || !seen.add(t)) {
                out.add(PolicyProblem.at("tieBreak[" + i + "]", "同类排序规则为空或重复"));
            }
            if (t == Policy.TieBreak.POINTS && (p.points() == null || p.points().items().isEmpty())) {
                out.add(PolicyProblem.at("tieBreak[" + i + "]", "按积分排序，但政策没有积分公式"));
            }
        }
        if (p.propertyLock() != null) {
            p.propertyLock().years().forEach((g, y) -> {
                if (y == null || y < 0 || y > 12) {
                    out.add(PolicyProblem.at("propertyLock.years." + g, "学位锁定年限应在 0 到 12 之间"));
                }
            });
        }
        if (p.privateSchools() != null && p.privateSchools().maxChoices() < 1) {
            out.add(PolicyProblem.at("privateSchools.maxChoices", "民办学校志愿数至少为 1"));
        }
        if (p.calendar() != null) {
            List<PolicyCalendar.Phase> phases = p.calendar().phases();
            for (int i = 0; i < phases.size(); i++) {
                var ph = phases.get(i);
                String path = "calendar.phases[" + i + "]";
                if (ph.grade() == null || ph.code() == null || ph.start() == null || ph.end() == null) {
                    out.add(PolicyProblem.at(path, "日程缺少年级、编号或起止时间"));
                    continue;
                }
                if (!ph.end().isAfter(ph.start())) {
                    out.add(PolicyProblem.at(path, ph.name() + "：结束时间应晚于开始时间"));
                }
                inSeason(p, path + ".start", ph.start().toLocalDate(), true, out);
                inSeason(p, path + ".end", ph.end().toLocalDate(), true, out);
            }
        }
    }

    private static void checkCategories(List<CategoryRule> categories, List<PolicyProblem> out) {
        if (categories.isEmpty()) {
            out.add(PolicyProblem.at("categories", "至少需要一个生源类别"));
            return;
        }
        Set<String> codes = new HashSet<>();
        TreeSet<Integer> ranks = new TreeSet<>();
        for (CategoryRule c : categories) {
            String path = "categories[" + c.code() + "]";
            if (c.code() == null || c.code().isBlank()) {
                out.add(PolicyProblem.at("categories", "类别缺少编号"));
            } else if (!codes.add(c.code())) {
                out.add(PolicyProblem.at(path, "类别编号 " + c.code() + " 重复"));
            }
            if (!ranks.add(c.rank())) {
                out.add(PolicyProblem.at(path, "类别顺序 " + c.rank() + " 重复"));
            }
            if (c.routes().isEmpty()) {
                out.add(PolicyProblem.at(path, "类别至少需要一条认定路径"));
            }
            Set<String> routeIds = new HashSet<>();
            for (CategoryRule.Route r : c.routes()) {
                if (r.id() == null || !routeIds.add(r.id())) {
                    out.add(PolicyProblem.at(path + ".routes", "认定路径编号为空或重复：" + r.id()));
                }
                if (r.conditions().isEmpty()) {
                    out.add(PolicyProblem.at(path + ".routes[" + r.id() + "]", "认定路径至少需要一个条件"));
                }
            }
        }
        int expected = 1;
        for (int rank : ranks) {
            if (rank != expected) {
                out.add(PolicyProblem.at("categories", "类别顺序应从 1 连续编号，缺少第 " + expected + " 位"
                        + (rank < 1 ? "（顺序 " + rank + " 无效）" : "")));
                break;
            }
            expected++;
        }
    }

    private static void inSeason(Policy p, String path, LocalDate day, boolean required, List<PolicyProblem> out) {
        if (day == null) {
            if (required) {
                out.add(PolicyProblem.at(path, "缺少日期"));
            }
            return;
        }
        if (!p.window().contains(day)) {
            out.add(PolicyProblem.at(path, "日期 " + day + " 不在招生季 " + p.window().opens() + " 至 "
                    + p.window().closes() + " 之内"));
        }
    }

    private static void notAfterSeason(Policy p, String path, LocalDate day, List<PolicyProblem> out) {
        if (day != null && (day.isAfter(p.window().closes()) || day.isBefore(p.window().opens().minusYears(3)))) {
            out.add(PolicyProblem.at(path, "日期 " + day + " 超出招生季范围"));
        }
    }
}
