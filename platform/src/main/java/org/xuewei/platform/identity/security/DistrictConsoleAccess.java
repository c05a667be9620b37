package org.xuewei.platform.identity.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.xuewei.platform.identity.StaffPrincipal;

import java.util.function.Supplier;

/** {@code /console/district/{code}/**}: only that district's staff, and the city administrator. */
class DistrictConsoleAccess implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication current = authentication.get();
        boolean allowed = current != null && current.isAuthenticated()
                && current.getPrincipal() instanceof StaffPrincipal staff
                && staff.account().canOpenDistrictConsole(context.getVariables().get("code"));
        return new AuthorizationDecision(allowed);
    }
}
