package org.xuewei.platform.review;

import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffRole;

/** Who acts at the review desk: a staff account and the address it acts from. */
public record Reviewer(String username, StaffRole role, String districtCode, String clientIp) {

    public static Reviewer of(StaffAccount account, String clientIp) {
        return new Reviewer(account.username(), account.role(), account.districtCode(), clientIp);
    }

    /** Decisions and revealing personal data: the district's own reviewers and administrators only. */
    public boolean mayDecide(String district) {
        return (role == StaffRole.DISTRICT_REVIEWER || role == StaffRole.DISTRICT_ADMIN) && district.equals(districtCode);
    }
}
