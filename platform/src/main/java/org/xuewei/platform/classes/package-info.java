/** Balanced class assignment, 阳光分班 (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Classes")
package org.xuewei.platform.classes;
