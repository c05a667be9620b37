package org.xuewei.exchange.city;

import org.xuewei.exchange.city.Geography.Community;
import org.xuewei.exchange.city.People.Person;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Writes registry records (户籍, 不动产, 网签, 租赁, 居住证, 社保, 民政, 学籍, 优待) with realistic numbers. */
final class Registries {

    /** A dwelling: unit number and address in a community. */
    record Home(String unitNo, String address, Community community) {
    }

    record Owner(Person person, String name, int sharePercent) {
    }

    private static final String[] EMPLOYERS = {"江西洪城水业股份有限公司", "南昌市政公用集团", "江铃汽车股份有限公司",
            "江西省人民医院", "南昌欧菲光科技有限公司", "华勤技术（南昌）有限公司", "江西银行股份有限公司", "南昌轨道交通集团",
            "江西晶科能源有限公司", "南昌万达商业管理有限公司", "中国邮政南昌分公司", "江西财经大学", "南昌大学第一附属医院",
            "江西联创电子有限公司", "南昌市第一建筑工程有限公司", "个体工商户", "灵活就业人员"};
    private static final String[] DEVELOPERS = {"南昌万科房地产开发有限公司", "保利（江西）房地产开发有限公司",
            "绿地集团南昌置业有限公司", "江西中海地产有限公司", "南昌恒茂房地产开发有限公司", "江西洪城置业有限公司"};

    private final CityTables t;
    private final SplittableRandom rnd;
    private final Geography geo;
    private final String[][] roads;
    private final String[][] estates;
    private final Set<String> usedUnits = new HashSet<>();
    private long households;
    private long certificates;
    private long contracts;
    private long rentals;
    private long permits;
    private long preferentials;
    private long births;

    Registries(CityTables t, SplittableRandom rnd, Geography geo, String[][] roads, String[][] estates) {
        this.t = t;
        this.rnd = rnd;
        this.geo = geo;
        this.roads = roads;
        this.estates = estates;
    }

    private String prefix(Community c) {
        return "江西省南昌市" + geo.district(c.districtCode()).name() + geo.street(c.streetCode()).name();
    }

    /** A new dwelling in a community (a flat in a town community, a house in a village). */
    Home home(int communityIndex) {
        Community c = geo.communities().get(communityIndex);
        while (true) {
            String address;
            int parcel;
            int building;
            int room;
            if (c.urban()) {
                int road = rnd.nextInt(roads[communityIndex].length);
                int estate = rnd.nextInt(estates[communityIndex].length);
                int number = 1 + (road * 37 + estate * 53) % 300;
                building = 1 + rnd.nextInt(30);
                int unit = 1 + rnd.nextInt(4);
                room = (1 + rnd.nextInt(33)) * 100 + 1 + rnd.nextInt(4);
                parcel = road * 100 + estate;
                address = Addresses.flat(prefix(c), roads[communityIndex][road], number, estates[communityIndex][estate],
                        building, unit, room);
                building = building * 10 + unit;
            } else {
                int group = 1 + rnd.nextInt(12);
                int number = 1 + rnd.nextInt(99);
                parcel = group;
                building = group;
                room = number;
                address = Addresses.house(prefix(c), c.name(), group, number);
            }
            String unitNo = c.code() + "GB" + String.format("%05d", parcel) + "F" + String.format("%04d%04d", building, room);
            if (usedUnits.add(unitNo) && usedUnits.add(address)) {
                return new Home(unitNo, address, c);
            }
        }
    }

    String household(String kind, String address, Community c, LocalDate established) {
        String no = c.districtCode() + String.format("%07d", ++households);
        String station = geo.street(c.streetCode()).name().replaceAll("(街道|镇|乡|管理处)$", "") + "派出所";
        t.household.row(no, kind, address, c.code(), c.districtCode(), station, established);
        return no;
    }

    void member(String householdNo, Person p, String name, String relation, LocalDate movedIn, String movedFrom) {
        t.member.row(householdNo, p.id(), name, relation, movedIn, movedFrom);
    }

    void property(Home h, String usage, LocalDate registeredOn, List<Owner> owners) {
        String cert = "赣(" + registeredOn.getYear() + ")南昌市不动产权第" + String.format("%07d", ++certificates) + "号";
        int area = usage.equals("住宅") ? 60 + rnd.nextInt(90) : 30 + rnd.nextInt(60);
        t.unit.row(h.unitNo(), cert, registeredOn, usage, h.address(), h.community().code(), h.community().districtCode(), area + ".00");
        String kind = owners.size() == 1 ? "单独所有" : owners.stream().allMatch(o -> o.sharePercent() == 50) ? "共同共有" : "按份共有";
        for (Owner o : owners) {
            t.owner.row(h.unitNo(), o.person().id(), o.name(), o.sharePercent() + ".00", kind);
        }
    }

    String contract(Home h, LocalDate signedOn, boolean delivered, LocalDate deliveredOn, List<Person> buyers) {
        String no = "NCWQ" + signedOn.getYear() + String.format("%07d", ++contracts);
        t.contract.row(no, h.unitNo(), h.address(), h.community().code(), h.community().districtCode(),
                DEVELOPERS[rnd.nextInt(DEVELOPERS.length)], signedOn, delivered, deliveredOn);
        for (Person b : buyers) {
            t.buyer.row(no, b.id(), b.name());
        }
        return no;
    }

    void rental(Home h, String landlord, Person tenant, LocalDate registeredOn, LocalDate starts, LocalDate ends) {
        String no = "NCZL" + registeredOn.getYear() + String.format("%07d", ++rentals);
        t.rental.row(no, h.address(), h.community().code(), h.community().districtCode(), landlord, tenant.id(), tenant.name(),
                registeredOn, starts, ends);
    }

    void permit(Home h, Person p, LocalDate issued, LocalDate validUntil) {
        String no = h.community().districtCode() + issued.getYear() + String.format("%08d", ++permits);
        t.permit.row(no, p.id(), p.name(), h.address(), h.community().code(), h.community().districtCode(), issued, validUntil);
    }

    /** Social insurance (pension and medical) paid monthly up to lastMonth. */
    void insurance(Person p, int months, LocalDate lastMonth) {
        String employer = EMPLOYERS[rnd.nextInt(EMPLOYERS.length)];
        LocalDate first = lastMonth.minusMonths(months - 1L).withDayOfMonth(1);
        t.insurance.row(p.id(), p.name(), "职工基本养老保险", employer, first, lastMonth.withDayOfMonth(1), months);
        t.insurance.row(p.id(), p.name(), "职工基本医疗保险", employer, first, lastMonth.withDayOfMonth(1), months);
        if (rnd.nextInt(3) == 0) {
            t.insurance.row(p.id(), p.name(), "失业保险", employer, first, lastMonth.withDayOfMonth(1), months);
        }
    }

    void marriage(Person a, Person b, LocalDate on, String event) {
        String office = "南昌市" + (rnd.nextBoolean() ? "东湖区" : "青山湖区") + "民政局婚姻登记处";
        t.civilEvent.row(a.id(), a.name(), event, on, b.id(), b.name(), office);
        t.civilEvent.row(b.id(), b.name(), event, on, a.id(), a.name(), office);
    }

    void status(Person p, String status, LocalDate since, LocalDate until) {
        t.civilStatus.row(p.id(), p.name(), status, since, until);
    }

    void student(Person child, Schools.School school, int grade, LocalDate enrolledOn, String graduatesIn, String status, Integer score) {
        t.student.row("G" + child.id(), child.id(), child.name(), school.code(), school.name(), grade, enrolledOn, graduatesIn,
                status, score == null ? null : score + ".0");
    }

    /**
     * 出生医学证明: one per child, naming the parents known at birth. Numbered and dated without the random source,
     * so adding the registry leaves every other table's bytes as they were.
     */
    void birth(Person child, Person mother, Person father) {
        String no = (char) ('M' + child.birth().getYear() % 10) + String.format("%09d", ++births);
        LocalDate issued = child.birth().plusDays(1 + births % 7);
        t.birth.row(no, child.id(), child.name(), String.valueOf(child.gender()), child.birth(),
                mother == null ? null : mother.id(), mother == null ? null : mother.name(),
                father == null ? null : father.id(), father == null ? null : father.name(), issued);
    }

    void preferential(Person p, String category, String department, String detail, LocalDate from, LocalDate until) {
        String no = "YD" + from.getYear() + String.format("%06d", ++preferentials);
        t.preferential.row(no, p.id(), p.name(), category, department, detail, from, until);
    }
}
