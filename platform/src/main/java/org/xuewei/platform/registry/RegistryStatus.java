package org.xuewei.platform.registry;

import org.xuewei.platform.policy.RegistrySource;

/** One registry's answer to one look-up of a check: which registry, for whom (relation to the child), outcome. */
public record RegistryStatus(RegistrySource registry, String operation, String subject, LookupOutcome outcome) {
}
