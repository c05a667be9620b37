package org.xuewei.platform.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;

import java.io.IOException;
import java.util.Locale;

/** Audits every staff sign-in, counts failures for the throttle, and sends the browser on. */
class LoginHandlers extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginHandlers(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
        setDefaultTargetUrl("/console");
    }

    static String typedUsername(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        String username = authentication.getName();
        throttle.succeeded(username, request.getRemoteAddr());
        audit.record(new AuditEntry(username, "identity.login.succeeded", username, request.getRemoteAddr(), ""));
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = typedUsername(request);
        String address = request.getRemoteAddr();
        throttle.failed(username, address);
        String reason = exception instanceof DisabledException ? "account disabled" : "bad credentials";
        audit.record(new AuditEntry(username, "identity.login.failed", username, address, reason));
        String target = throttle.blocked(username, address) ? "/login?blocked" : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }
}
