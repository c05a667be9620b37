package org.xuewei.platform.audit;

/**
 * The result of re-computing the audit log's hash chain.
 *
 * @param checked how many rows were checked
 * @param firstBrokenId the id of the first row whose hash does not match, or {@code null} when intact
 */
public record ChainCheck(long checked, Long firstBrokenId) {

    public boolean intact() {
        return firstBrokenId == null;
    }
}
