package org.xuewei.platform.policy.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.json.PolicyJson;

/**
 * The console's commands on a policy: save a draft, request its publication, approve (a second administrator:
 * the draft becomes a frozen version), withdraw a request. Each command writes an audit event in its transaction;
 * a refused save is audited too and changes nothing else. Who may call them is checked by the controller.
 */
@Service
class PolicyConsole {

    private final PolicyStore store;
    private final PublishRequests requests;
    private final AuditLog audit;

    PolicyConsole(PolicyStore store, PublishRequests requests, AuditLog audit) {
        this.store = store;
        this.requests = requests;
        this.audit = audit;
    }

    /**
     * Validate and save the draft; a pending publication request is dropped (it named the old draft).
     *
     * @return every problem when the save is refused (nothing saved), else empty
     */
    @Transactional
    public List<PolicyProblem> saveDraft(Policy policy, String actor, String clientIp) {
        List<PolicyProblem> problems = PolicyEvaluator.validate(policy);
        if (!problems.isEmpty()) {
            audit.record(new AuditEntry(actor, "policy.draft.refused", policy.id(), clientIp,
                    problems.size() + " 个问题：" + problems.stream().limit(5).map(PolicyProblem::toString)
                            .collect(Collectors.joining("；"))));
            return problems;
        }
        store.saveDraft(policy, actor);
        boolean dropped = requests.remove(policy.id());
        int changes = store.draftChanges(policy.id()).size();
        audit.record(new AuditEntry(actor, "policy.draft.saved", policy.id(), clientIp,
                "草稿 SHA-256 " + PolicyJson.hash(policy) + "，较已发布版本 " + changes + " 处改动"
                        + (dropped ? "；原发布申请已撤销" : "")));
        return List.of();
    }

    /** Ask a second administrator to publish the current draft. */
    @Transactional
    public void requestPublication(String policyId, String actor, String clientIp) {
        Policy draft = store.draft(policyId).orElseThrow(() -> new ConsoleRefusal("policy.console.refused.no-draft"));
        String hash = PolicyJson.hash(draft);
        requests.put(policyId, hash, actor);
        audit.record(new AuditEntry(actor, "policy.publish.requested", policyId, clientIp, "草稿 SHA-256 " + hash));
    }

    /**
     * A second administrator approves the pending request: the draft it names is published as the next frozen
     * version.
     */
    @Transactional
    public PolicyStore.Published approve(String policyId, String actor, String clientIp) {
        PublishRequests.Request request = requests.find(policyId)
                .orElseThrow(() -> new ConsoleRefusal("policy.console.refused.no-request"));
        if (request.requestedBy().equals(actor)) {
            throw new ConsoleRefusal("policy.console.refused.own-request");
        }
        Optional<Policy> draft = store.draft(policyId);
        if (draft.isEmpty() || !PolicyJson.hash(draft.get()).equals(request.contentHash())) {
            requests.remove(policyId);
            throw new ConsoleRefusal("policy.console.refused.stale-request");
        }
        PolicyStore.Published published = store.publish(policyId, request.requestedBy(), actor);
        requests.remove(policyId);
        audit.record(new AuditEntry(actor, "policy.published", policyId, clientIp,
                "版本 " + published.ref().version() + "，SHA-256 " + published.ref().contentHash() + "，申请人 "
                        + request.requestedBy() + "，审批人 " + actor));
        return published;
    }

    /** Withdraw (by the requester) or reject (by another administrator) the pending request. */
    @Transactional
    public void withdraw(String policyId, String actor, String clientIp) {
        PublishRequests.Request request = requests.find(policyId)
                .orElseThrow(() -> new ConsoleRefusal("policy.console.refused.no-request"));
        requests.remove(policyId);
        audit.record(new AuditEntry(actor, request.requestedBy().equals(actor) ? "policy.publish.withdrawn"
                : "policy.publish.rejected", policyId, clientIp, "申请人 " + request.requestedBy()));
    }
}
