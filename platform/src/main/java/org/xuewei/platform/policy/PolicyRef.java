package org.xuewei.platform.policy;

/** Which policy judged an evaluation: id, published version (0 = unpublished draft) and content hash. */
public record PolicyRef(String policyId, int version, String contentHash) {
    @Override
    public String toString() {
        return policyId + "@v" + version + "#" + contentHash.substring(0, Math.min(12, contentHash.length()));
    }
}
