package org.xuewei.platform.policy.web;

/**
 * Whose policy a console page edits: a district's ({@code districtCode} set) or the city default's
 * ({@code districtCode} null), in one season.
 *
 * @param policyId     the id of the scope's policy in that season (it may not exist yet)
 * @param cityPolicyId the city default's id in that season
 * @param path         the page's path, e.g. {@code /console/district/360121/policy}
 */
record PolicyScope(String districtCode, String districtName, int season, String policyId, String cityPolicyId,
                   String path) {

    public boolean city() {
        return districtCode == null;
    }
}
