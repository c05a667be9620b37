package org.xuewei.platform.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.notification.internal.NotificationStore;

import java.time.Clock;
import java.util.List;

/** The parent's side of notifications: the inbox, and the mobile number SMS go to. */
@Service
public class Notifications {

    private final NotificationStore store;
    private final PersonalData personal;
    private final Clock clock;

    Notifications(NotificationStore store, PersonalData personal, Clock clock) {
        this.store = store;
        this.personal = personal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<InboxMessage> inbox(Parent parent, int limit) {
        return store.inbox(personal.lookupHash(parent.idNumber()), Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public long unread(Parent parent) {
        return store.unread(personal.lookupHash(parent.idNumber()));
    }

    @Transactional
    public void markRead(Parent parent) {
        store.markRead(personal.lookupHash(parent.idNumber()), clock.instant());
    }

    /** The mobile number SMS go to, masked (138****5678), if the parent shared one. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> maskedPhone(Parent parent) {
        return store.phoneCipher(personal.lookupHash(parent.idNumber())).map(personal::decrypt).map(PersonalData::maskPhone);
    }

    /** No SMS for this guardian any more (the parent no longer shares a number); the inbox still gets every message. */
    @Transactional
    public void forgetPhone(Parent parent) {
        store.deleteContact(personal.lookupHash(parent.idNumber()));
    }

    /** Where SMS for this guardian go (e.g. from the city app's {@code phone_number} claim). */
    @Transactional
    public void rememberPhone(Parent parent, String phone) {
        rememberPhone(personal.lookupHash(parent.idNumber()), phone);
    }

    /** The same, by the guardian's keyed hash (as carried by events). */
    @Transactional
    public void rememberPhone(String recipient, String phone) {
        if (phone == null || !phone.strip().matches("\\+?\\d{6,15}")) {
            throw new IllegalArgumentException("not a phone number");
        }
        store.saveContact(recipient, personal.encrypt(phone.strip()), clock.instant());
    }
}
