package org.xuewei.platform.identity;

/**
 * A staff account (工作人员账号) as other modules see it; the password hash never leaves identity.
 *
 * @param username the login name, lower case
 * @param role what the account may do
 * @param districtCode the district it is scoped to (district staff and schools), or {@code null}
 * @param schoolId the school it is scoped to (school accounts), or {@code null}
 * @param enabled false for a switched-off account, which cannot sign in
 */
public record StaffAccount(String username, StaffRole role, String districtCode, String schoolId, boolean enabled) {

    /**
     * May this account open the console of the given district? Its own district's administrators and
     * reviewers may, the city administrator may open every district's; schools and auditors may not.
     */
    public boolean canOpenDistrictConsole(String code) {
        if (!enabled || code == null) {
            return false;
        }
        return role == StaffRole.CITY_ADMIN || (role.districtStaff() && code.equals(districtCode));
    }
}
