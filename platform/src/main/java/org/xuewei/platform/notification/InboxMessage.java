package org.xuewei.platform.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message in a parent's in-app inbox (站内信): a message key with its arguments (rendered in the reader's
 * language) and the reviewer's free text (shown as text, never as HTML).
 */
public record InboxMessage(UUID deliveryId, UUID subjectRef, String messageKey, List<String> args, String freeText,
                           Instant createdAt, boolean read) {
}
