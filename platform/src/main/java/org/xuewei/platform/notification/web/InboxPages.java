package org.xuewei.platform.notification.web;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.ParentLogin;
import org.xuewei.platform.notification.Notifications;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The parent's in-app inbox (站内信): a page and {@code GET /api/v1/parent/inbox}. */
@Controller
class InboxPages {

    /** A message as the API gives it: rendered in the caller's language. */
    record InboxItem(UUID id, UUID applicationId, String text, String reviewerText, java.time.Instant at, boolean read) {
    }

    private final Notifications notifications;
    private final MessageSource messages;

    InboxPages(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/parent/inbox")
    String inbox(Authentication auth, Model model) {
        Parent parent = parent(auth);
        model.addAttribute("phone", notifications.maskedPhone(parent).orElse(null));
        model.addAttribute("messages", notifications.inbox(parent, 100));
        notifications.markRead(parent);
        return "notification/inbox";
    }

    @GetMapping("/api/v1/parent/inbox")
    @ResponseBody
    List<InboxItem> api(Authentication auth, Locale locale) {
        Parent parent = parent(auth);
        return notifications.inbox(parent, 100).stream().map(m -> new InboxItem(m.deliveryId(), m.subjectRef(),
                messages.getMessage(m.messageKey(), m.args().toArray(), m.messageKey(), locale), m.freeText(),
                m.createdAt(), m.read())).toList();
    }

    @PostMapping("/api/v1/parent/inbox/read")
    @ResponseBody
    void read(Authentication auth) {
        notifications.markRead(parent(auth));
    }

    private static Parent parent(Authentication auth) {
        return ParentLogin.parent(auth).orElseThrow(() -> new AccessDeniedException("parents only"));
    }

}
