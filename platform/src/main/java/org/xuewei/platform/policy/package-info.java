/** District enrollment policies: CEL rules, categories, points, calendar and versions. */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package org.xuewei.platform.policy;
