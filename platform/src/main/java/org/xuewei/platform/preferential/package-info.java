/** Preferential-policy declarations, 政策优待 (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Preferential")
package org.xuewei.platform.preferential;
