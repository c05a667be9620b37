package org.xuewei.platform.application;

import org.xuewei.platform.registry.LookupOutcome;

import java.util.List;

/**
 * 学位信息一键查 — what the registries say, the homes the child could apply with and, for each zoned school, the category
 * the district's policy finds with its explanation and points; the problems a submission would meet, each with what
 * the parent can do; {@code windowOpen} says whether the district takes applications now (信息采集).
 */
public record CheckResult(ChildSummary child, int season, boolean complete, List<RegistryLine> registries,
                          List<FactLine> facts, List<HomeOption> homes, List<SchoolChoice> privateSchools,
                          List<ReviewReason> problems, String policyName, boolean windowOpen) {

    /** One registry's answer: label (e.g. 公安户籍), whose record, outcome. */
    public record RegistryLine(String registry, String subject, LookupOutcome outcome) {
    }

    /** A fact found, as a message key and its arguments. */
    public record FactLine(String key, Object[] args) {
    }

    /** A home the child can apply with: a certificate, a purchase contract, the hukou address or a rental. */
    public record HomeOption(String id, String kind, String address, String usage, List<SchoolChoice> schools) {
    }

    /** A school and what the policy says about the child there. */
    public record SchoolChoice(String code, String name, String warning, String category, int rank, Double points,
                               List<String> explanation) {
    }
}
