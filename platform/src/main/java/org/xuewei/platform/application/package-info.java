/** Children, the one-click check, applications and their state machine, checks at submission, re-verification. */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package org.xuewei.platform.application;
