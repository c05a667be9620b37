/** Children, the one-click check, applications and their state machine, fraud checks (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package org.xuewei.platform.application;
