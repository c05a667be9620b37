package org.xuewei.platform.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffPrincipal;

/** What every page's layout needs: the signed-in staff member, if any. */
@ControllerAdvice
class ShellModel {

    @ModelAttribute("staff")
    StaffAccount staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return principal.account();
        }
        return null;
    }
}
