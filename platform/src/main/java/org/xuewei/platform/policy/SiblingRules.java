package org.xuewei.platform.policy;

/** 多胞胎 and 长幼随学: twins are bound in lotteries; a younger sibling may follow the elder's school. */
public record SiblingRules(boolean twinsBoundInLottery, boolean youngerFollowsElder) {
}
