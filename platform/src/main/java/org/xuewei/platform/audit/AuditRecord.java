package org.xuewei.platform.audit;

import java.time.Instant;

/** One stored row of the audit log, with its place in the hash chain. */
public record AuditRecord(long id, Instant occurredAt, AuditEntry entry, String prevHash, String hash) {
}
