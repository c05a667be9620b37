package org.xuewei.platform.admission.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored lottery draw and every part published so far. {@code batch} 1 is a season's first draw ({@code runId} its
 * final run); a later batch (第二批次补录) fills the released places of the published run {@code fillsRunId}.
 */
public record DrawRecord(long id, String code, String districtCode, int season, int grade, String state,
                         String snapshot, String instanceJson, String inputSha256, int candidates, int excluded,
                         String excludedReason, String commitment, String secret, String publicValueName,
                         String publicValue, List<String> witnesses, String seed, String resultJson,
                         String resultSha256, Instant frozenAt, String frozenBy, Instant committedAt,
                         Instant seededAt, Instant drawnAt, Long runId, int batch, Long fillsRunId) {

    public boolean drawn() {
        return "DRAWN".equals(state);
    }

    /** A second (or later) batch: fills the released places of a published run. */
    public boolean secondBatch() {
        return fillsRunId != null;
    }
}
