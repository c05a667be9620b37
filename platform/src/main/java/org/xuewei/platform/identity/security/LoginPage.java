package org.xuewei.platform.identity.security;

import org.springframework.stereotype.Component;

/** What the login page needs to know about the throttle. */
@Component
public class LoginPage {

    private final LoginThrottle throttle;

    LoginPage(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** How long, at most, a blocked client waits. */
    public long blockedMinutes() {
        return throttle.windowMinutes();
    }
}
