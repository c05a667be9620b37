package org.xuewei.platform.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffPrincipal;

/** The signed-in staff member's own account. */
@RestController
@Tag(name = "identity", description = "Staff accounts and sign-in")
class MeApi {

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in staff account: username, role and scope (401 when not signed in)")
    StaffAccount me(@AuthenticationPrincipal StaffPrincipal staff) {
        return staff.account();
    }
}
