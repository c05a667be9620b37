package org.xuewei.platform.policy;

/**
 * A policy version was published (frozen): whoever keeps the district's current policy in memory drops it, so the
 * next evaluation uses the new version.
 */
public record PolicyVersionPublished(PolicyRef ref) {
}
