package org.xuewei.exchange.city;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Makes people: unique valid ID numbers, names, unique mobile numbers; writes the person rows. */
final class People {

    record Person(String id, String name, char gender, LocalDate birth, String phone) {
        boolean male() {
            return gender == 'M';
        }
    }

    /** Nanchang codes as they were when today's adults were born (湾里区 360105, 新建县 360122). */
    static final String[] NANCHANG_OLD = {"360102", "360103", "360104", "360105", "360111", "360121", "360122", "360123", "360124"};
    static final String[] JIANGXI = {"360202", "360302", "360402", "360502", "360602", "360702", "360802", "360902", "361002", "361102"};
    static final String[] OTHER_PROVINCES = {"430102", "420102", "350102", "340102", "440106", "510107", "411302", "370102",
            "320102", "330106", "421002", "431002", "450102", "520102", "410102", "130102", "230102", "500103"};
    private static final String[] MOBILE_PREFIXES = {"138", "139", "135", "136", "137", "150", "151", "152", "157", "158",
            "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181",
            "189", "177", "199", "191"};

    private final SplittableRandom rnd;
    private final Table table;
    private final Set<String> usedBodies = new HashSet<>();
    private long phones;
    int count;

    People(SplittableRandom rnd, Table table) {
        this.rnd = rnd;
        this.table = table;
    }

    Person adult(String region, LocalDate birth, boolean male, String surname) {
        return make(region, birth, male, surname + Names.given(rnd, male), nextPhone());
    }

    Person child(String region, LocalDate birth, boolean male, String surname) {
        return make(region, birth, male, surname + Names.given(rnd, male), null);
    }

    Person named(String region, LocalDate birth, boolean male, String name, boolean phone) {
        return make(region, birth, male, name, phone ? nextPhone() : null);
    }

    private Person make(String region, LocalDate birth, boolean male, String name, String phone) {
        String id = null;
        for (int attempt = 0; attempt < 1000 && id == null; attempt++) {
            int seq = rnd.nextInt(500) * 2 + (male ? 1 : 0);
            id = claim(region, birth, seq);
        }
        for (int seq = male ? 1 : 0; id == null; seq += 2) {
            if (seq > 999) {
                birth = birth.plusDays(1);
                seq = male ? 1 : 0;
            }
            id = claim(region, birth, seq);
        }
        Person p = new Person(id, name, male ? 'M' : 'F', birth, phone);
        table.row(p.id(), p.name(), String.valueOf(p.gender()), p.birth(), region, p.phone());
        count++;
        return p;
    }

    private String claim(String region, LocalDate birth, int seq) {
        String id = IdNumbers.of(region, birth, seq);
        return usedBodies.add(id) ? id : null;
    }

    /** Unique 11-digit mobile numbers: a bijection of a counter onto 8 digits per prefix. */
    private String nextPhone() {
        long n = phones++;
        String prefix = MOBILE_PREFIXES[(int) (n % MOBILE_PREFIXES.length)];
        long k = n / MOBILE_PREFIXES.length;
        long digits = (k * 48271L + 31415926L) % 100_000_000L;
        return prefix + String.format("%08d", digits);
    }

    String pick(String[] codes) {
        return codes[rnd.nextInt(codes.length)];
    }

    /** Birth region of a child born in a Nanchang district in a given year (codes as they were then). */
    static String childRegion(String districtCode, int year) {
        if (districtCode.equals("360113") && year < 2020) {
            return year < 2016 ? "360122" : "360112";
        }
        if (districtCode.equals("360112") && year < 2016) {
            return "360122";
        }
        return districtCode;
    }
}
