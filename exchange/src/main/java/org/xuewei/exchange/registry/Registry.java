package org.xuewei.exchange.registry;

/** The departments' registries the exchange stands in for; the department names are data as a real exchange returns them. */
public enum Registry {
    HUKOU("南昌市公安局", "人口信息管理系统（户籍）"),
    PROPERTY("南昌市自然资源和规划局（不动产登记中心）", "不动产登记信息管理平台"),
    CONTRACT("南昌市住房和城乡建设局", "商品房网签备案系统"),
    RENTAL("南昌市住房和城乡建设局", "住房租赁登记备案系统"),
    RESIDENCE_PERMIT("南昌市公安局", "居住证管理系统"),
    SOCIAL_INSURANCE("南昌市人力资源和社会保障局", "社会保险信息系统"),
    CIVIL_AFFAIRS("南昌市民政局", "婚姻登记与社会救助信息系统"),
    STUDENT_STATUS("江西省教育厅", "全国中小学生学籍信息管理系统"),
    PREFERENTIAL("南昌市优待对象认定部门", "政策优待对象信息共享库"),
    BIRTH("南昌市卫生健康委员会", "出生医学证明管理信息系统");

    private final String department;
    private final String system;

    Registry(String department, String system) {
        this.department = department;
        this.system = system;
    }

    public String department() {
        return department;
    }

    public String system() {
        return system;
    }
}
