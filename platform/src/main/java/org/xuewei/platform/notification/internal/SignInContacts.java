package org.xuewei.platform.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xuewei.platform.identity.ParentSignedIn;
import org.xuewei.platform.notification.Notifications;

/**
 * At every sign-in through the city app, SMS go to the mobile number the app gives ({@code phone_number}, scope
 * {@code phone}), kept encrypted; without one (scope not granted, or not a phone number) the number kept before is
 * forgotten, and the parent gets every message in the in-app inbox only.
 */
@Component
class SignInContacts {

    private static final Logger log = LoggerFactory.getLogger(SignInContacts.class);
    private static final String PHONE = "\\+?\\d{6,15}";

    private final Notifications notifications;

    SignInContacts(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ParentSignedIn signedIn) {
        String phone = signedIn.phoneNumber();
        if (phone != null && phone.strip().matches(PHONE)) {
            notifications.rememberPhone(signedIn.parent(), phone.strip());
        } else {
            if (phone != null) {
                log.info("the city app's phone_number for {} is not a phone number; SMS off, inbox only", signedIn.parent());
            }
            notifications.forgetPhone(signedIn.parent());
        }
    }
}
