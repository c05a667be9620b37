package org.xuewei.platform.policy;

/** The government registry a fact comes from (数据来源). */
public enum RegistrySource {
    HUKOU("公安户籍"),
    PROPERTY("不动产登记"),
    PURCHASE_CONTRACT("住建网签合同"),
    RENTAL("住建租赁备案"),
    RESIDENCE_PERMIT("公安居住证"),
    SOCIAL_INSURANCE("人社社保"),
    CIVIL_AFFAIRS("民政婚姻登记"),
    STUDENT_REGISTRY("教育学籍"),
    PREFERENTIAL("优待认定部门"),
    BIRTH("出生医学证明"),
    CATALOG("学区划片");

    private final String label;

    RegistrySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
