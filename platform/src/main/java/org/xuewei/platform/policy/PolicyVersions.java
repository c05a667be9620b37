package org.xuewei.platform.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xuewei.platform.policy.json.PolicyJson;

/** The in-memory {@link PolicyStore}: for tests, previews and the command line. Thread-safe. */
public final class PolicyVersions implements PolicyStore {

    private final Clock clock;
    private final Map<String, Policy> drafts = new HashMap<>();
    private final Map<String, List<Published>> published = new HashMap<>();

    public PolicyVersions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void saveDraft(Policy policy, String savedBy) {
        List<PolicyProblem> problems = PolicyEvaluator.validate(policy);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        drafts.put(policy.id(), policy);
    }

    /** Same as {@link #saveDraft(Policy, String)} with no author. */
    public void saveDraft(Policy policy) {
        saveDraft(policy, "");
    }

    @Override
    public synchronized Optional<Policy> draft(String policyId) {
        return Optional.ofNullable(drafts.get(policyId));
    }

    @Override
    public synchronized Published publish(String policyId, String requestedBy, String approvedBy) {
        Policy draft = drafts.get(policyId);
        if (draft == null) {
            throw new IllegalStateException("没有待发布的草稿：" + policyId);
        }
        PolicyStore.checkApproval(requestedBy, approvedBy);
        List<Published> versions = published.computeIfAbsent(policyId, k -> new ArrayList<>());
        var ref = new PolicyRef(policyId, versions.size() + 1, PolicyJson.hash(draft));
        var p = new Published(ref, draft, requestedBy, approvedBy, clock.instant());
        versions.add(p);
        drafts.remove(policyId);
        return p;
    }

    @Override
    public synchronized Optional<Published> latest(String policyId) {
        List<Published> v = published.getOrDefault(policyId, List.of());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    @Override
    public synchronized Optional<Published> version(String policyId, int version) {
        List<Published> v = published.getOrDefault(policyId, List.of());
        return version < 1 || version > v.size() ? Optional.empty() : Optional.of(v.get(version - 1));
    }
}
