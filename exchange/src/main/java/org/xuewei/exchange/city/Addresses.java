package org.xuewei.exchange.city;

import java.util.SplittableRandom;

/** Synthetic but plausible street addresses: road, number, estate, building 栋, unit 单元, room 室. */
final class Addresses {

    private static final String[] ROAD_STEMS = {"象山", "阳明", "八一", "洪都", "北京", "解放", "青山", "丰和", "红谷", "赣江",
            "绳金塔", "抚河", "井冈山", "庐山", "南京", "上海", "福州", "孺子", "滕王阁", "叠山", "民德", "胜利", "中山", "船山",
            "子固", "沿江", "站前", "长堎", "学府", "翠苑", "紫阳", "昌东", "京东", "高新", "艾溪湖", "瑶湖", "澄湖", "丰和",
            "凤凰", "九龙湖", "前湖", "梅岭", "莲塘", "向塘", "澄碧", "迎宾", "金沙", "湖滨", "青云", "施尧"};
    private static final String[] ROAD_SUFFIX = {"路", "大道", "街", "北路", "南路", "东路", "西路", "大街"};
    private static final String[] ESTATE_STEMS = {"锦绣", "阳光", "金域", "万科", "保利", "绿地", "恒大", "碧桂园", "中海", "华润",
            "世纪", "天骄", "江景", "湖畔", "书香", "翰林", "丽景", "紫金", "龙湖", "融创", "新城", "滨江", "凤凰", "青山", "洪城",
            "滕王", "红谷", "赣江", "怡园", "和园"};
    private static final String[] ESTATE_SUFFIX = {"花园", "苑", "小区", "家园", "公馆", "城", "名邸", "雅居", "府"};

    private Addresses() {
    }

    static String road(SplittableRandom rnd) {
        return ROAD_STEMS[rnd.nextInt(ROAD_STEMS.length)] + ROAD_SUFFIX[rnd.nextInt(ROAD_SUFFIX.length)];
    }

    static String estate(SplittableRandom rnd) {
        return ESTATE_STEMS[rnd.nextInt(ESTATE_STEMS.length)] + ESTATE_SUFFIX[rnd.nextInt(ESTATE_SUFFIX.length)];
    }

    /** Address of a flat in a town community, e.g. 江西省南昌市东湖区滕王阁街道象山北路88号锦绣花园3栋2单元502室. */
    static String flat(String prefix, String road, int number, String estate, int building, int unit, int room) {
        return prefix + road + number + "号" + estate + building + "栋" + unit + "单元" + room + "室";
    }

    /** Address of a house in a village, e.g. 江西省南昌市南昌县莲塘镇XX村委会三组12号. */
    static String house(String prefix, String villageName, int group, int number) {
        return prefix + villageName + group + "组" + number + "号";
    }
}
