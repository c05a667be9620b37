package org.xuewei.platform.admission.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run's page shows: fill per school, cut-offs, lottery counts, and 统筹 per category (how many, mean and
 * longest distance from home in metres); {@code distanceFromZoneSchool} lists the 统筹 children whose distance was
 * measured from the zone school instead (no location for their home community).
 */
public record Summary(int candidates, int preferential, int byChoice, int overflow, int unplaced,
                      int lotteryWinners, int lotteryLosers, List<SchoolStats> schools, List<OverflowByCategory> overflowByCategory,
                      List<String> distanceFromZoneSchool) {

    public Summary {
        distanceFromZoneSchool = distanceFromZoneSchool == null ? List.of() : List.copyOf(distanceFromZoneSchool);
    }

    public record OverflowByCategory(int category, int children, long meanMeters, long maxMeters) {
    }

    public static Summary of(Outcome o) {
        Map<Integer, List<Double>> byCat = new TreeMap<>();
        for (Placement p : o.placements()) {
            if (p.route() == Route.OVERFLOW) {
                byCat.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p.distanceMeters());
            }
        }
        List<OverflowByCategory> overflow = new ArrayList<>();
        byCat.forEach((cat, d) -> overflow.add(new OverflowByCategory(cat, d.size(),
                Math.round(d.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
                Math.round(d.stream().mapToDouble(Double::doubleValue).max().orElse(0)))));
        return new Summary(o.placements().size(), (int) o.count(Route.PREFERENTIAL), (int) o.count(Route.CHOICE),
                (int) o.count(Route.OVERFLOW), (int) o.count(Route.UNPLACED),
                o.schools().stream().mapToInt(SchoolStats::lotteryWinners).sum(),
                o.schools().stream().mapToInt(SchoolStats::lotteryLosers).sum(), o.schools(), overflow,
                o.distanceFromZoneSchool());
    }
}
