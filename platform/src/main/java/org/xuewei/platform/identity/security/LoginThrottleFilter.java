package org.xuewei.platform.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;

import java.io.IOException;

/**
 * Stops a sign-in attempt before the password is even checked when the client has failed too
 * often; the attempt is audited and the login page says how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginThrottleFilter(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = LoginHandlers.typedUsername(request);
        if (throttle.blocked(username, request.getRemoteAddr())) {
            audit.record(new AuditEntry(username, "identity.login.blocked", username, request.getRemoteAddr(),
                    "too many failed sign-ins"));
            response.sendRedirect(request.getContextPath() + "/login?blocked");
            return;
        }
        chain.doFilter(request, response);
    }
}
