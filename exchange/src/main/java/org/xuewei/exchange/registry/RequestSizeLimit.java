package org.xuewei.exchange.registry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/** Refuses oversized exchange requests (body over 16 KB, path over 256 characters) before anything else runs; logs them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BODY = 16 * 1024;
    static final int MAX_PATH = 256;

    private final CallLog callLog;

    RequestSizeLimit(CallLog callLog) {
        this.callLog = callLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/exchange/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean tooLong = request.getRequestURI().length() > MAX_PATH;
        if (request.getContentLengthLong() > MAX_BODY || tooLong) {
            HttpStatus status = tooLong ? HttpStatus.URI_TOO_LONG : HttpStatus.CONTENT_TOO_LARGE;
            UUID id = UUID.randomUUID();
            callLog.record(id, null, "NONE", "oversized-request", null, request.getHeader(RegistryGateway.PURPOSE_HEADER), status.value(), 0);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"https://xuewei.org/problems/request-too-large\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"code\":\"request-too-large\",\"detail\":\"Requests are limited to "
                    + MAX_BODY + " bytes of body and " + MAX_PATH + " characters of path.\",\"requestId\":\"" + id + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
