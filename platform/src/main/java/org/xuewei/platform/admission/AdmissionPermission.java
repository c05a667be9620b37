package org.xuewei.platform.admission;

import org.springframework.security.access.AccessDeniedException;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffRole;

/** The permissions of the admission commands; each command checks one and writes an audit event named after it. */
public enum AdmissionPermission {
    /** 试运行: district admins and reviewers */
    DRY_RUN("admission.run.dry"),
    /** 冻结名单并公布实例 */
    DRAW_FREEZE("admission.draw.freeze"),
    /** 公布承诺值与公开值名称 */
    DRAW_COMMIT("admission.draw.commit"),
    /** 现场摇号 */
    DRAW_RUN("admission.draw.run"),
    /** 发布录取结果 */
    PUBLISH("admission.publish"),
    /** 学校确认报到 */
    ARRIVAL_SCHOOL("admission.arrival.school"),
    /** 释放未报到学位、第二批次 */
    SECOND_BATCH("admission.second-batch"),
    /** 复议决定: district admins and reviewers */
    APPEAL_DECIDE("admission.appeal.decide");

    private final String action;

    AdmissionPermission(String action) {
        this.action = action;
    }

    /** The audit action of the command. */
    public String action() {
        return action;
    }

    public boolean allows(StaffAccount account, String districtCode) {
        if (account == null || !account.enabled()) {
            return false;
        }
        return switch (this) {
            case DRY_RUN, APPEAL_DECIDE -> account.canOpenDistrictConsole(districtCode);
            case ARRIVAL_SCHOOL -> account.role() == StaffRole.SCHOOL && districtCode.equals(account.districtCode())
                    || account.role() == StaffRole.DISTRICT_ADMIN && districtCode.equals(account.districtCode());
            default -> account.role() == StaffRole.CITY_ADMIN
                    || account.role() == StaffRole.DISTRICT_ADMIN && districtCode.equals(account.districtCode());
        };
    }

    public void check(StaffAccount account, String districtCode) {
        if (!allows(account, districtCode)) {
            throw new AccessDeniedException(action + " is not allowed for this account in district " + districtCode);
        }
    }
}
