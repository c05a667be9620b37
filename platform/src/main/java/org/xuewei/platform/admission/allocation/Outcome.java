package org.xuewei.platform.admission.allocation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The result of a run: every child's placement, every school's fill, and the published files' digests. */
public record Outcome(String inputSha256, String seed, String resultJson, String resultSha256,
                      List<Placement> placements, List<SchoolStats> schools) {

    public Map<String, Placement> byApplication() {
        return placements.stream().collect(Collectors.toMap(Placement::applicationNo, Function.identity()));
    }

    public long count(Route route) {
        return placements.stream().filter(p -> p.route() == route).count();
    }
}
