package org.xuewei.platform.identity.demo;

import org.xuewei.platform.identity.StaffRole;

/** One line of the demo logins file. */
record DemoLogin(String username, StaffRole role, String districtCode, String districtName, String password) {

    DemoLogin withPassword(String newPassword) {
        return new DemoLogin(username, role, districtCode, districtName, newPassword);
    }
}
