/** Outbox, SMS gateway adapter and in-app inbox (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.xuewei.platform.notification;
