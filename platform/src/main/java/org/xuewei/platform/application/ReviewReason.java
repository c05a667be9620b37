package org.xuewei.platform.application;

/**
 * Why an application goes to manual review (人工审核) instead of being verified by machine. Never a silent
 * rejection: each has a message ({@code application.reason.<NAME>}) and what the parent can do
 * ({@code application.reason.<NAME>.action}).
 */
public enum ReviewReason {
    /** 学位锁定: the home was used by another family's child within the lock years */
    HOME_LOCKED,
    /** 户籍迁入时间较短 */
    RECENT_HUKOU_MOVE_IN,
    /** 招生季前离婚且子女户籍迁移 */
    DIVORCE_HUKOU_MOVED,
    /** 与非直系亲属共有房产 */
    CO_OWNER_NON_DIRECT,
    /** 非住宅（商业、办公等）房产 */
    NON_RESIDENTIAL_UNIT,
    /** 子女户籍记录缺失 */
    MISSING_CHILD_HUKOU,
    /** 户籍地址房产登记缺失 */
    MISSING_PROPERTY_RECORD,
    /** 政策未能认定生源类别 */
    NO_CATEGORY,
    /** 年龄或学籍不符合入学条件 */
    NOT_ELIGIBLE;

    public String labelKey() {
        return "application.reason." + name();
    }

    public String actionKey() {
        return "application.reason." + name() + ".action";
    }
}
