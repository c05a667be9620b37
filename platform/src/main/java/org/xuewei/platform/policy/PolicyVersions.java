package org.xuewei.platform.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xuewei.platform.policy.json.PolicyJson;

/**
 * Drafts and published versions per policy id (in memory; a JDBC store keeps the same contract). Saving a draft
 * validates it and refuses it with every problem; publishing freezes the draft as the next version, and a
 * published version never changes. Publishing needs a second person's approval.
 */
public final class PolicyVersions {

    /** A frozen version: what judged an application can always be shown again. */
    public record Published(PolicyRef ref, Policy policy, String json, String requestedBy, String approvedBy,
                            Instant publishedAt) {
    }

    private final Clock clock;
    private final Map<String, Policy> drafts = new HashMap<>();
    private final Map<String, List<Published>> published = new HashMap<>();

    public PolicyVersions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Validate and keep a draft.
     *
     * @throws PolicyValidationException with every problem; the previous draft and all versions are untouched
     */
    public synchronized void saveDraft(Policy policy) {
        List<PolicyProblem> problems = PolicyEvaluator.validate(policy);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        drafts.put(policy.id(), policy);
    }

    public synchronized Optional<Policy> draft(String policyId) {
        return Optional.ofNullable(drafts.get(policyId));
    }

    /** Freeze the draft as the next version. */
    public synchronized Published publish(String policyId, String requestedBy, String approvedBy) {
        Policy draft = drafts.get(policyId);
        if (draft == null) {
            throw new IllegalStateException("没有待发布的草稿：" + policyId);
        }
        if (requestedBy == null || approvedBy == null || requestedBy.equals(approvedBy)) {
            throw new IllegalStateException("发布需要另一位管理员审批");
        }
        List<Published> versions = published.computeIfAbsent(policyId, k -> new ArrayList<>());
        int version = versions.size() + 1;
        var ref = new PolicyRef(policyId, version, PolicyJson.hash(draft));
        var p = new Published(ref, draft, PolicyJson.write(draft), requestedBy, approvedBy, clock.instant());
        versions.add(p);
        drafts.remove(policyId);
        return p;
    }

    public synchronized Optional<Published> latest(String policyId) {
        List<Published> v = published.getOrDefault(policyId, List.of());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public synchronized Optional<Published> version(String policyId, int version) {
        List<Published> v = published.getOrDefault(policyId, List.of());
        return version < 1 || version > v.size() ? Optional.empty() : Optional.of(v.get(version - 1));
    }

    /** The evaluator of a published version: evaluations record exactly this version. */
    public PolicyEvaluator evaluator(PolicyRef ref) {
        Published p = version(ref.policyId(), ref.version())
                .orElseThrow(() -> new IllegalArgumentException("未发布的版本：" + ref));
        return PolicyEvaluator.compile(p.policy(), p.ref().version());
    }

    /** What the draft changes against the latest published version. */
    public synchronized List<PolicyChange> draftChanges(String policyId) {
        Policy d = drafts.get(policyId);
        if (d == null) {
            return List.of();
        }
        return latest(policyId).map(p -> PolicyChange.between(p.policy(), d)).orElse(List.of());
    }
}
