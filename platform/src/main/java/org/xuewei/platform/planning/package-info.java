/** School-place map, cockpit, forecasts and warnings, 学位预警 (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package org.xuewei.platform.planning;
