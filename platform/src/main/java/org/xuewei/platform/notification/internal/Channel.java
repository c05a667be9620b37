package org.xuewei.platform.notification.internal;

/** Where a message goes: an SMS through the gateway, or the in-app inbox (站内信). */
public enum Channel {
    SMS, INBOX
}
