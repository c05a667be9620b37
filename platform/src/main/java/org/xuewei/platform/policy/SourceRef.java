package org.xuewei.platform.policy;

import java.util.Objects;

/** Where a fact was read: registry and the registry's record id. */
public record SourceRef(RegistrySource registry, String recordId) {
    public SourceRef {
        Objects.requireNonNull(registry, "registry");
        recordId = recordId == null ? "" : recordId;
    }

    public static SourceRef of(RegistrySource registry, String recordId) {
        return new SourceRef(registry, recordId);
    }

    /** e.g. "不动产登记 #P-001". */
    public String describe() {
        return recordId.isEmpty() ? registry.label() : registry.label() + " #" + recordId;
    }
}
