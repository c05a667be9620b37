package org.xuewei.platform.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drafts and published versions of policies, per policy id (one id per district and season). Saving a draft
 * validates it and refuses it with every problem; publishing freezes the draft as the next version, needs a
 * second person's approval, and a published version never changes. {@link PolicyVersions} keeps them in memory;
 * the platform's bean keeps them in PostgreSQL (schema {@code policy}).
 */
public interface PolicyStore {

    /** A frozen version: what judged an application can always be shown again. */
    record Published(PolicyRef ref, Policy policy, String requestedBy, String approvedBy, Instant publishedAt) {
    }

    /**
     * Validate and keep a draft, replacing the previous draft of the same id.
     *
     * @throws PolicyValidationException with every problem; the previous draft and all versions are untouched
     */
    void saveDraft(Policy policy, String savedBy);

    Optional<Policy> draft(String policyId);

    /**
     * Freeze the draft as the next version and discard the draft.
     *
     * @throws IllegalStateException if there is no draft or approver and requester are the same person
     */
    Published publish(String policyId, String requestedBy, String approvedBy);

    Optional<Published> latest(String policyId);

    Optional<Published> version(String policyId, int version);

    /** The evaluator of an exact published version; its evaluations carry that {@link PolicyRef}. */
    default PolicyEvaluator evaluator(PolicyRef ref) {
        Published p = version(ref.policyId(), ref.version())
                .orElseThrow(() -> new IllegalArgumentException("未发布的版本：" + ref));
        return PolicyEvaluator.compile(p.policy(), p.ref().version());
    }

    /** What the draft changes against the latest published version (empty if either is missing). */
    default List<PolicyChange> draftChanges(String policyId) {
        Optional<Policy> d = draft(policyId);
        Optional<Published> p = latest(policyId);
        if (d.isEmpty() || p.isEmpty()) {
            return List.of();
        }
        return PolicyChange.between(p.get().policy(), d.get());
    }

    /** Problems that would refuse a publication (none means publishable). */
    static void checkApproval(String requestedBy, String approvedBy) {
        if (requestedBy == null || approvedBy == null || requestedBy.isBlank() || requestedBy.equals(approvedBy)) {
            throw new IllegalStateException("发布需要另一位管理员审批");
        }
    }
}
