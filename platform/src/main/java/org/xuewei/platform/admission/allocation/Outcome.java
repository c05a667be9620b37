package org.xuewei.platform.admission.allocation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The result of a run: every child's placement, every school's fill, and the published files' digests.
 * {@code distanceFromZoneSchool}: the 统筹 children whose distance was measured from their zone school because their
 * home community has no location (by number).
 */
public record Outcome(String inputSha256, String seed, String resultJson, String resultSha256,
                      List<Placement> placements, List<SchoolStats> schools, List<String> distanceFromZoneSchool) {

    public Outcome {
        distanceFromZoneSchool = distanceFromZoneSchool == null ? List.of() : List.copyOf(distanceFromZoneSchool);
    }

    public Map<String, Placement> byApplication() {
        return placements.stream().collect(Collectors.toMap(Placement::applicationNo, Function.identity()));
    }

    public long count(Route route) {
        return placements.stream().filter(p -> p.route() == route).count();
    }
}
