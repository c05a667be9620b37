package org.xuewei.platform.admission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 录取候选 — one application as the allocation sees it: pseudonymous, with the policy's judgement
 * already applied (category, points) and what the lottery and 统筹 need. The application module
 * provides these through {@link AdmissionCandidates}.
 *
 * @param applicationNo        the application number, 1–64 characters of {@code [A-Za-z0-9_-]}: published in draws
 * @param districtCode         the district that allocates it
 * @param season               the entry year
 * @param grade                1 (幼升小) or 7 (小升初)
 * @param categoryRank         生源类别 rank, 1 is best
 * @param points               积分, or {@code null} (0)
 * @param hukouDate            户籍迁入日期 for the "earlier hukou first" tie-break, or {@code null}
 * @param zoneSchools          the public option: the zone school, or several for a multi-school zone (多校划片), in the
 *                             parent's order of preference
 * @param privateSchool        the one private school applied to (公民同招), or {@code null}
 * @param groupKey             twins/multiples share this key (bound in the lottery), or {@code null}
 * @param latitude             home latitude (WGS-84), or {@code null}
 * @param longitude            home longitude (WGS-84), or {@code null}
 * @param preferentialCategory confirmed 优待 category code, or {@code null}
 * @param verified             verification (核验/审核) finished and accepted
 * @param homeLocated          the location is the home community's; false when it stands in for it (the zone
 *                             school's, as the home's community has no location in the catalog) — 统筹 distances
 *                             are then said to be measured from the zone school
 */
public record AdmissionCandidate(String applicationNo, String districtCode, int season, int grade, int categoryRank,
                                 BigDecimal points, LocalDate hukouDate, List<String> zoneSchools, String privateSchool,
                                 String groupKey, Double latitude, Double longitude, String preferentialCategory,
                                 boolean verified, boolean homeLocated) {

    /** A candidate whose location (if any) is its home's. */
    public AdmissionCandidate(String applicationNo, String districtCode, int season, int grade, int categoryRank,
                              BigDecimal points, LocalDate hukouDate, List<String> zoneSchools, String privateSchool,
                              String groupKey, Double latitude, Double longitude, String preferentialCategory,
                              boolean verified) {
        this(applicationNo, districtCode, season, grade, categoryRank, points, hukouDate, zoneSchools, privateSchool,
                groupKey, latitude, longitude, preferentialCategory, verified, true);
    }

    static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public AdmissionCandidate {
        Objects.requireNonNull(applicationNo, "applicationNo");
        if (!NUMBER.matcher(applicationNo).matches()) {
            throw new IllegalArgumentException("application number must be 1-64 characters of [A-Za-z0-9_-]: "
                    + applicationNo);
        }
        if (categoryRank < 1) {
            throw new IllegalArgumentException("category rank must be at least 1");
        }
        points = points == null ? BigDecimal.ZERO : points;
        zoneSchools = zoneSchools == null ? List.of() : List.copyOf(zoneSchools);
        privateSchool = privateSchool == null || privateSchool.isBlank() ? null : privateSchool;
        groupKey = groupKey == null || groupKey.isBlank() ? null : groupKey;
        preferentialCategory = preferentialCategory == null || preferentialCategory.isBlank() ? null
                : preferentialCategory;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
