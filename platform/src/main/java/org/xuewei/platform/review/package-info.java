/** Manual review, supplements and appeals (not yet built). */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.xuewei.platform.review;
