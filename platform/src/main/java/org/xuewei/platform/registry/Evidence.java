package org.xuewei.platform.registry;

import org.xuewei.platform.policy.RegistrySource;

import java.time.Instant;
import java.util.UUID;

/**
 * 证据快照 — what a registry answered, kept in schema {@code registry}: source department, the registry's record time,
 * when we asked, and the SHA-256 of the answer as received.
 */
public record Evidence(UUID id, RegistrySource registry, String operation, String sourceDepartment, Instant recordTime,
                       Instant fetchedAt, String sha256, LookupOutcome outcome) {
}
