/** The review desk (人工审核): district queues, cases with evidence, decisions with a second reviewer for rejections, supplements. */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.xuewei.platform.review;
