package org.xuewei.platform.policy;

import java.util.List;
import org.xuewei.platform.policy.json.PolicyJson;
import org.xuewei.platform.policy.json.TreeMerge;

/**
 * One difference between two policies, e.g. {@code evidence.contractCountsAsCertificate: false → true} or
 * {@code categories[C1].routes[military]} added. Values are JSON; {@code null} means absent.
 */
public record PolicyChange(String path, String before, String after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }

    /** The structured diff of two policies; identity fields (id, name, district, basedOn) are included. */
    public static List<PolicyChange> between(Policy before, Policy after) {
        return TreeMerge.diff(PolicyJson.toTree(before), PolicyJson.toTree(after)).stream()
                .map(c -> new PolicyChange(c.path(), c.before(), c.after()))
                .toList();
    }

    @Override
    public String toString() {
        return switch (kind()) {
            case ADDED -> "+ " + path + " = " + after;
            case REMOVED -> "- " + path + " (was " + before + ")";
            case CHANGED -> "~ " + path + ": " + before + " → " + after;
        };
    }
}
