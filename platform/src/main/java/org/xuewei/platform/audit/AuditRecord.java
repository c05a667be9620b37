package org.xuewei.platform.audit;

import java.time.Instant;

/** One stored row of the audit log, with its place in its hash chain ({@code chain}: which of the log's chains). */
public record AuditRecord(long id, Instant occurredAt, AuditEntry entry, String prevHash, String hash, int chain) {
}
