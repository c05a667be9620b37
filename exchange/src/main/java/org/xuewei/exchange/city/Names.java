package org.xuewei.exchange.city;

import java.util.SplittableRandom;

/** Common Chinese surnames (weighted towards Jiangxi) and given names. */
final class Names {

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤涂喻聂熊胡万";
    /** The first characters are the most common; drawn with a skew towards them. */
    private static final String MALE = "伟强磊军勇杰涛明超华俊浩宇鹏辉斌刚健文博志建国平海波峰龙飞鑫晨睿轩昊然子豪宇航泽宇浩然俊杰皓轩一鸣天佑梓涵";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲燕婷雪琳洁颖慧欣怡晶梦瑶佳琪子涵雨桐诗涵可馨紫萱思彤梓萱一诺欣妍若曦";
    private static final String VARIANTS = "伟玮炜强蔷磊垒军君勇永杰捷涛韬明铭华骅俊骏芳方娜那敏民静婧丽莉艳燕娟鹃霞侠";

    private Names() {
    }

    static String surname(SplittableRandom rnd) {
        int n = SURNAMES.length();
        int i = (int) (n * Math.pow(rnd.nextDouble(), 1.8));
        return String.valueOf(SURNAMES.charAt(Math.min(i, n - 1)));
    }

    static String given(SplittableRandom rnd, boolean male) {
        String pool = male ? MALE : FEMALE;
        String first = String.valueOf(pool.charAt(rnd.nextInt(pool.length())));
        if (rnd.nextInt(10) < 3) {
            return first;
        }
        return first + pool.charAt(rnd.nextInt(pool.length()));
    }

    /** A variant spelling of a name (one character replaced by a homophone) for mismatched records. */
    static String variant(String name) {
        StringBuilder b = new StringBuilder(name);
        for (int i = b.length() - 1; i >= 1; i--) {
            int k = VARIANTS.indexOf(b.charAt(i));
            if (k >= 0) {
                b.setCharAt(i, VARIANTS.charAt(k % 2 == 0 ? k + 1 : k - 1));
                return b.toString();
            }
        }
        b.setCharAt(b.length() - 1, b.charAt(b.length() - 1) == '华' ? '骅' : '华');
        return b.toString();
    }
}
