/** Notifications to parents: an outbox written with the change, a dispatcher (SMS gateway adapter, in-app inbox), at least once, idempotent. */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.xuewei.platform.notification;
