package org.xuewei.platform;

import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

/** Staff accounts for tests, created on first use in the shared test database. */
public final class TestAccounts {

    /** The password of every test account (tests only). */
    public static final String PASSWORD = "test-password-1234";

    private TestAccounts() {
    }

    public static synchronized StaffPrincipal ensure(StaffAccounts accounts, String username, StaffRole role,
            String districtCode, String schoolId) {
        if (!accounts.exists(username)) {
            accounts.create("test", username, PASSWORD, role, districtCode, schoolId);
        }
        return accounts.loadUserByUsername(username);
    }
}
