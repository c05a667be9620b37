package org.xuewei.platform.audit;

import java.util.Objects;

/**
 * What a module asks the audit log to record: who did what to which subject, from where.
 *
 * @param actor the account or principal that acted (for a failed sign-in: the name that was typed)
 * @param action a dotted action name owned by the calling module, e.g. {@code identity.login.failed}
 * @param subject what the action was about, or empty
 * @param clientIp the client's address, or empty
 * @param detail a short free text, or empty; never a password or an ID number
 */
public record AuditEntry(String actor, String action, String subject, String clientIp, String detail) {

    public AuditEntry {
        actor = clip(Objects.requireNonNull(actor, "actor"), 100);
        action = clip(Objects.requireNonNull(action, "action"), 100);
        subject = clip(subject == null ? "" : subject, 200);
        clientIp = clip(clientIp == null ? "" : clientIp, 64);
        detail = clip(detail == null ? "" : detail, 1000);
        if (action.isBlank()) {
            throw new IllegalArgumentException("action must not be blank");
        }
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
