package org.xuewei.platform.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/** A failed sign-in through the city app: logged with the provider's error code, then the login page's message. */
class ParentLoginFailure extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ParentLoginFailure.class);

    ParentLoginFailure() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
        String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
        log.warn("parent sign-in through the city app failed: {} {}", code, exception.getMessage());
        super.onAuthenticationFailure(request, response, exception);
    }
}
