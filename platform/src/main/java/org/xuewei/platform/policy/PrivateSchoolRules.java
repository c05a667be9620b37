package org.xuewei.platform.policy;

/** 民办学校 — at most {@code maxChoices} private school(s) per child; lottery when over-subscribed. */
public record PrivateSchoolRules(int maxChoices, boolean lotteryWhenOversubscribed) {
}
