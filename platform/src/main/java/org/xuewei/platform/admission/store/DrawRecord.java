package org.xuewei.platform.admission.store;

import java.time.Instant;
import java.util.List;

/** A stored lottery draw and every part published so far. */
public record DrawRecord(long id, String code, String districtCode, int season, int grade, String state,
                         String snapshot, String instanceJson, String inputSha256, int candidates, int excluded,
                         String excludedReason, String commitment, String secret, String publicValueName,
                         String publicValue, List<String> witnesses, String seed, String resultJson,
                         String resultSha256, Instant frozenAt, String frozenBy, Instant committedAt,
                         Instant seededAt, Instant drawnAt, Long runId) {

    public boolean drawn() {
        return "DRAWN".equals(state);
    }
}
