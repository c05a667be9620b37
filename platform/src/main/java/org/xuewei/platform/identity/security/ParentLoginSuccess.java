package org.xuewei.platform.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.xuewei.platform.identity.ParentLogin;
import org.xuewei.platform.identity.ParentSignedIn;

import java.io.IOException;

/**
 * A parent signed in through the city app: tells the other modules (the notification module keeps the mobile number
 * from the {@code phone_number} claim for SMS) and goes to the parent's pages.
 */
class ParentLoginSuccess extends SimpleUrlAuthenticationSuccessHandler {

    /** The mobile-number claim, present only when the scope {@code phone} was granted. */
    static final String PHONE_CLAIM = "phone_number";

    private final ApplicationEventPublisher events;

    ParentLoginSuccess(ApplicationEventPublisher events) {
        super("/parent");
        setAlwaysUseDefaultTargetUrl(true);
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        ParentLogin.parent(authentication).ifPresent(parent -> {
            String phone = authentication.getPrincipal() instanceof OidcUser user ? user.getClaimAsString(PHONE_CLAIM) : null;
            events.publishEvent(new ParentSignedIn(parent, phone == null || phone.isBlank() ? null : phone.strip()));
        });
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
