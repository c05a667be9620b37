package org.xuewei.platform.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.xuewei.platform.catalog.Editor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may change a district's catalog: its DISTRICT_ADMIN, and the CITY_ADMIN; reviewers and everyone
 * else may only look. The district scope is the one the security rules give
 * {@code /console/district/{code}/**} (asked through Spring Security's privilege evaluator, so this
 * module needs no identity types and the two never disagree).
 */
@Component
class CatalogAccess {

    static final String CITY_ADMIN = "ROLE_CITY_ADMIN";
    static final String DISTRICT_ADMIN = "ROLE_DISTRICT_ADMIN";

    private final WebInvocationPrivilegeEvaluator privileges;
    private final Clock clock;

    CatalogAccess(WebInvocationPrivilegeEvaluator privileges, Clock clock) {
        this.privileges = privileges;
        this.clock = clock;
    }

    boolean mayEdit(Authentication authentication, String districtCode) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (!roles.contains(CITY_ADMIN) && !roles.contains(DISTRICT_ADMIN)) {
            return false;
        }
        return privileges.isAllowed("/console/district/" + districtCode + "/catalog", authentication);
    }

    /** The editor acting on one district's page or API; call only after {@link #mayEdit}. */
    Editor editor(Authentication authentication, HttpServletRequest request, String districtCode) {
        return Editor.district(authentication.getName(), request.getRemoteAddr(), districtCode);
    }

    /** The season being prepared: this year's until August, next year's from September (the exchange's default). */
    int currentSeason() {
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }
}
