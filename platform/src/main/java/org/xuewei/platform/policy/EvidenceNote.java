package org.xuewei.platform.policy;

import java.util.List;

/**
 * How one registry record was judged as evidence (e.g. a certificate dated after the cut-off is not usable), with
 * every reason in Chinese.
 */
public record EvidenceNote(SourceRef source, String what, boolean usable, List<String> problems) {
    public EvidenceNote {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
