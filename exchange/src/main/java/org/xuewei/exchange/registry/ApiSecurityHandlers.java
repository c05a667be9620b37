package org.xuewei.exchange.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/** 401 (missing, malformed or expired token) and 403 (missing scope) on the exchange APIs, as Problem Details, logged. */
@Component
public class ApiSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final CallLog callLog;

    ApiSecurityHandlers(CallLog callLog) {
        this.callLog = callLog;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, presented ? "invalid-token" : "token-required",
                presented ? "The bearer token is invalid or expired; obtain a new one with the client credentials grant at /oauth2/token."
                        : "A bearer token is required; obtain one with the client credentials grant at /oauth2/token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "insufficient-scope", "The token lacks the scope this API needs.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        UUID id = UUID.randomUUID();
        String[] path = request.getRequestURI().split("/");
        String registry = path.length > 3 ? path[3].toUpperCase(Locale.ROOT).replace('-', '_') : "NONE";
        String subject = path.length > 0 ? path[path.length - 1] : null;
        callLog.record(id, RegistryGateway.client(), registry.length() > 40 ? "NONE" : registry, "refused",
                subject != null && subject.length() <= 40 ? subject : null, request.getHeader(RegistryGateway.PURPOSE_HEADER),
                status.value(), 0);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://xuewei.org/problems/" + code + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"code\":\"" + code + "\",\"detail\":\"" + message
                + "\",\"requestId\":\"" + id + "\"}");
    }
}
