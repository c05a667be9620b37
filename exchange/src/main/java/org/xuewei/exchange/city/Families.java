package org.xuewei.exchange.city;

import org.xuewei.exchange.city.Geography.Community;
import org.xuewei.exchange.city.People.Person;
import org.xuewei.exchange.city.Registries.Home;
import org.xuewei.exchange.city.Registries.Owner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates households around the children of the season: parents, grandparents, children of the
 * G1 and G7 cohorts and younger ones, with the registry records that put each family in its
 * admission category (生源类别 1–7), and the planted cases listed in the manifest.
 */
final class Families {

    /** Category shares among families, in percent (index = category). */
    static final int[] CATEGORY_PERCENT = {0, 48, 8, 12, 4, 7, 6, 15};

    enum Cohort { G1, G7, YOUNG, PRIMARY }

    record Kid(Person person, Cohort cohort) {
    }

    private final Geography geo;
    private final List<Community> comms;
    private final Schools schools;
    private final Registries reg;
    private final People people;
    private final CityTables t;
    private final SplittableRandom rnd;
    private final int season;
    private final LocalDate evidenceDeadline;
    private final long[] cumulativeWeight;
    private final List<Integer> urbanCommunities = new ArrayList<>();

    /** demand[zone][category]: children of the zone's cohort (G1 for primary zones, G7 for junior zones). */
    final int[][] demand;
    final Map<String, Integer> caseCounts = new TreeMap<>();
    int families;
    int cohortFamilies;
    int cohortChildren;
    int g1;
    int g7;
    int young;

    Families(Geography geo, Schools schools, Registries reg, People people, CityTables t, SplittableRandom rnd, int season) {
        this.geo = geo;
        this.comms = geo.communities();
        this.schools = schools;
        this.reg = reg;
        this.people = people;
        this.t = t;
        this.rnd = rnd;
        this.season = season;
        this.evidenceDeadline = LocalDate.of(season - 1, 12, 31);
        this.demand = new int[schools.zones.size()][8];
        cumulativeWeight = new long[comms.size()];
        long sum = 0;
        for (int i = 0; i < comms.size(); i++) {
            sum += comms.get(i).weight();
            cumulativeWeight[i] = sum;
            if (comms.get(i).urban() && geo.district(comms.get(i).districtCode()).urban()) {
                urbanCommunities.add(i);
            }
        }
    }

    void generate(int targetCohortChildren) {
        while (cohortChildren < targetCohortChildren) {
            family(true);
        }
        int youngFamilies = cohortFamilies * 3 / 10;
        for (int i = 0; i < youngFamilies; i++) {
            family(false);
        }
    }

    private int pickCommunity() {
        long r = rnd.nextLong(cumulativeWeight[cumulativeWeight.length - 1]);
        int lo = 0;
        int hi = cumulativeWeight.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int pickCategory() {
        int r = rnd.nextInt(100);
        for (int c = 1; c <= 7; c++) {
            r -= CATEGORY_PERCENT[c];
            if (r < 0) {
                return c;
            }
        }
        return 1;
    }

    /** A town community of an urban district outside the given community's zones. */
    private int elsewhere(int hc) {
        for (int i = 0; i < 20; i++) {
            int e = urbanCommunities.get(rnd.nextInt(urbanCommunities.size()));
            if (schools.primaryZone[e] != schools.primaryZone[hc] && schools.juniorZone[e] != schools.juniorZone[hc]) {
                return e;
            }
        }
        return urbanCommunities.get(0).equals(hc) ? urbanCommunities.get(1) : urbanCommunities.get(0);
    }

    LocalDate between(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(rnd.nextLong(days + 1));
    }

    private LocalDate birthFor(Cohort c) {
        return switch (c) {
            case G1 -> between(LocalDate.of(season - 7, 9, 1), LocalDate.of(season - 6, 8, 31));
            case G7 -> between(LocalDate.of(season - 13, 9, 1), LocalDate.of(season - 12, 8, 31));
            case YOUNG -> between(LocalDate.of(season - 6, 9, 1), LocalDate.of(season, 5, 31));
            case PRIMARY -> between(LocalDate.of(season - 12, 9, 1), LocalDate.of(season - 8, 8, 31));
        };
    }

    private void planted(String code, F f, Person subject, String detail) {
        t.manifest.row(code, f.no, subject.id(), detail);
        caseCounts.merge(code, 1, Integer::sum);
        if (!f.cases.contains(code)) {
            f.cases.add(code);
        }
    }

    /** Mutable state of the family being generated. */
    private final class F {
        String no;
        int category;
        int hc;
        Community home;
        String adultRegion;
        String surname;
        Person father;
        Person mother;
        Person grandfather;
        Person grandmother;
        Person guardian;
        final List<Kid> kids = new ArrayList<>();
        final List<String> cases = new ArrayList<>();
        LocalDate marriedOn;
        boolean cohort;
    }

    private void family(boolean cohort) {
        F f = new F();
        f.no = String.format("F%07d", ++families);
        f.cohort = cohort;
        f.category = pickCategory();
        f.hc = pickCommunity();
        f.home = comms.get(f.hc);
        int roll = rnd.nextInt(1000);
        boolean orphan = f.category == 2 && cohort && roll < 30;
        makePeople(f, cohort, orphan);
        switch (f.category) {
            case 1 -> category1(f, roll);
            case 2 -> category2(f, orphan);
            case 3 -> category3(f, roll);
            case 4 -> category4(f, roll);
            case 5 -> category5(f, null, null);
            case 6 -> category6(f, roll);
            default -> category7(f, roll);
        }
        common(f);
        finish(f);
    }

    private void makePeople(F f, boolean cohort, boolean orphan) {
        boolean migrant = f.category == 7;
        f.adultRegion = migrant ? people.pick(People.OTHER_PROVINCES)
                : rnd.nextInt(100) < 75 ? people.pick(People.NANCHANG_OLD) : people.pick(People.JIANGXI);
        Cohort main = cohort ? (rnd.nextBoolean() ? Cohort.G1 : Cohort.G7) : Cohort.YOUNG;
        LocalDate birth = birthFor(main);
        int ageAtBirth = 24 + rnd.nextInt(13);
        LocalDate fatherBirth = between(birth.minusYears(ageAtBirth + 3), birth.minusYears(ageAtBirth));
        LocalDate motherBirth = between(fatherBirth.minusYears(1), fatherBirth.plusYears(3));
        f.surname = Names.surname(rnd);
        String motherSurname = Names.surname(rnd);
        if (!orphan) {
            f.father = people.adult(f.adultRegion, fatherBirth, true, f.surname);
            f.mother = people.adult(rnd.nextInt(4) == 0 ? people.pick(migrant ? People.OTHER_PROVINCES : People.JIANGXI) : f.adultRegion,
                    motherBirth, false, motherSurname);
        }
        if (f.category == 2 || orphan || rnd.nextInt(100) < 10) {
            LocalDate gfBirth = between(fatherBirth.minusYears(32), fatherBirth.minusYears(22));
            f.grandfather = people.adult(f.adultRegion, gfBirth, true, f.surname);
            f.grandmother = people.adult(f.adultRegion, between(gfBirth.minusYears(1), gfBirth.plusYears(3)), false, Names.surname(rnd));
        }
        String childSurname = rnd.nextInt(10) == 0 ? motherSurname : f.surname;
        String region = migrant ? f.adultRegion : People.childRegion(f.home.districtCode(), birth.getYear());
        Person first = people.child(region, birth, rnd.nextBoolean(), childSurname);
        f.kids.add(new Kid(first, main));
        if (cohort && rnd.nextInt(1000) < 12) {
            Person twin = people.named(region, birth, rnd.nextBoolean(), childSurname + twinName(first.name().substring(1)), false);
            f.kids.add(new Kid(twin, main));
            f.cases.add("TWINS");
        }
        if (cohort && rnd.nextInt(100) < 8) {
            Cohort other = main == Cohort.G7 ? Cohort.G1 : rnd.nextBoolean() ? Cohort.G7 : Cohort.PRIMARY;
            LocalDate b = birthFor(other);
            Person sib = people.child(migrant ? f.adultRegion : People.childRegion(f.home.districtCode(), b.getYear()), b,
                    rnd.nextBoolean(), childSurname);
            f.kids.add(new Kid(sib, other));
            f.cases.add("SIBLINGS");
        } else if (rnd.nextInt(100) < 15) {
            LocalDate b = birthFor(Cohort.YOUNG);
            f.kids.add(new Kid(people.child(migrant ? f.adultRegion : People.childRegion(f.home.districtCode(), b.getYear()), b,
                    rnd.nextBoolean(), childSurname), Cohort.YOUNG));
        }
        LocalDate firstBirth = f.kids.stream().map(k -> k.person().birth()).min(LocalDate::compareTo).orElseThrow();
        f.marriedOn = between(firstBirth.minusYears(5), firstBirth.minusMonths(10));
        f.guardian = orphan ? f.grandfather : f.father;
    }

    private String twinName(String given) {
        char c = given.charAt(0);
        String other = "子一梓雨欣浩";
        return given.length() == 2 ? given.charAt(0) + String.valueOf(other.charAt(rnd.nextInt(other.length())))
                : given + c;
    }

    private String relationOfChild(Person kid, boolean grandchild) {
        return grandchild ? (kid.male() ? "孙子" : "孙女") : (kid.male() ? "子" : "女");
    }

    /** Puts the children in a household: newborns are registered after birth (出生). */
    private void kidsInto(F f, String hh, LocalDate movedIn, boolean grandchildren, Person skip) {
        for (Kid k : f.kids) {
            if (k.person() == skip) {
                continue;
            }
            boolean bornAfter = k.person().birth().isAfter(movedIn);
            LocalDate in = bornAfter ? k.person().birth().plusDays(20 + rnd.nextInt(150)) : movedIn;
            reg.member(hh, k.person(), k.person().name(), relationOfChild(k.person(), grandchildren), in, bornAfter ? "出生" : "随迁");
        }
    }

    private LocalDate recentMoveIn() {
        return between(LocalDate.of(season, 1, 10), LocalDate.of(season, 6, 20));
    }

    private void category1(F f, int roll) {
        Home h = reg.home(f.hc);
        LocalDate bought = between(f.marriedOn.minusYears(2), evidenceDeadline.minusMonths(3));
        boolean divorce = f.cohort && roll >= 100 && roll < 108;
        boolean coOwner = roll >= 110 && roll < 118;
        boolean mismatch = roll >= 120 && roll < 128;
        boolean missingChild = roll >= 130 && roll < 140;
        boolean missingProperty = roll >= 140 && roll < 148;
        boolean recent = roll >= 150 && roll < 175;
        boolean shared = f.cohort && roll >= 180 && roll < 188;
        String fatherName = mismatch ? Names.variant(f.father.name()) : f.father.name();
        List<Owner> owners = new ArrayList<>();
        int r = rnd.nextInt(10);
        Person householder = f.father;
        if (coOwner) {
            Person other = people.adult(people.pick(People.NANCHANG_OLD), f.father.birth().minusYears(rnd.nextInt(8)), true,
                    Names.surname(rnd));
            owners.add(new Owner(f.father, fatherName, 40));
            owners.add(new Owner(other, other.name(), 60));
            planted("CO_OWNER_NON_DIRECT", f, f.guardian, h.unitNo() + " 监护人份额40%，非直系亲属" + other.name() + "份额60%");
        } else if (divorce || r < 5) {
            owners.add(new Owner(f.father, fatherName, 100));
        } else if (r < 9) {
            owners.add(new Owner(f.father, fatherName, 50));
            owners.add(new Owner(f.mother, f.mother.name(), 50));
        } else {
            owners.add(new Owner(f.mother, f.mother.name(), 100));
            householder = f.mother;
        }
        if (mismatch) {
            planted("NAME_MISMATCH", f, f.guardian, "不动产登记姓名" + fatherName + "，户籍姓名" + f.father.name());
        }
        if (missingProperty) {
            planted("MISSING_RECORD", f, f.guardian, "不动产登记缺失: " + h.unitNo() + "（户籍地址有房）");
        } else {
            reg.property(h, "住宅", bought, owners);
        }
        LocalDate movedIn = recent ? recentMoveIn() : bought.plusDays(30 + rnd.nextInt(150));
        if (recent) {
            planted("RECENT_MOVE_IN", f, f.guardian, "户籍迁入日期 " + movedIn);
        }
        String hh = reg.household("家庭户", h.address(), h.community(), movedIn);
        Person spouse = householder == f.father ? f.mother : f.father;
        reg.member(hh, householder, householder.name(), "户主", movedIn, "本市迁入");
        Person skip = null;
        if (missingChild) {
            skip = f.kids.get(0).person();
            planted("MISSING_RECORD", f, skip, "户籍缺失: 子女未登记在户 " + hh);
        }
        if (divorce) {
            reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
            LocalDate divorcedOn = between(LocalDate.of(season, 1, 5), LocalDate.of(season, 5, 31));
            reg.marriage(f.father, f.mother, divorcedOn, "离婚");
            int e = elsewhere(f.hc);
            Home other = reg.home(e);
            String motherHh = reg.household("家庭户", other.address(), other.community(), divorcedOn.plusDays(5));
            reg.member(motherHh, f.mother, f.mother.name(), "户主", divorcedOn.plusDays(5), "本市迁入");
            LocalDate childIn = divorcedOn.plusDays(10 + rnd.nextInt(30));
            for (Kid k : f.kids) {
                reg.member(hh, k.person(), k.person().name(), relationOfChild(k.person(), false), childIn, "离婚后随父迁入");
            }
            planted("DIVORCE_BEFORE_SEASON", f, f.guardian, "离婚 " + divorcedOn + "，子女户籍 " + childIn + " 迁入");
        } else {
            reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
            reg.member(hh, spouse, spouse.name(), "配偶", movedIn, "本市迁入");
            kidsInto(f, hh, movedIn, false, skip);
        }
        if (f.grandfather != null) {
            boolean paternal = householder == f.father;
            reg.member(hh, f.grandfather, f.grandfather.name(), paternal ? "父" : "其他", movedIn, "本市迁入");
            reg.member(hh, f.grandmother, f.grandmother.name(), paternal ? "母" : "其他", movedIn, "本市迁入");
        }
        if (shared) {
            sharedHome(f, h, owners.get(0).name());
        }
    }

    /** A second, unrelated family registered (hukou + rental) at the same home this season. */
    private void sharedHome(F a, Home h, String landlord) {
        F b = new F();
        b.no = String.format("F%07d", ++families);
        b.cohort = true;
        b.category = 5;
        b.hc = a.hc;
        b.home = a.home;
        makePeople(b, true, false);
        category5(b, h, landlord);
        common(b);
        planted("SHARED_HOME", a, a.guardian, h.unitNo() + " 同时被家庭 " + b.no + " 使用");
        planted("SHARED_HOME", b, b.guardian, h.unitNo() + " 为家庭 " + a.no + " 的住房");
        finish(b);
    }

    private void category2(F f, boolean orphan) {
        Home h = reg.home(f.hc);
        LocalDate bought = between(LocalDate.of(season - 30, 1, 1), LocalDate.of(season - 8, 12, 31));
        List<Owner> owners = rnd.nextBoolean()
                ? List.of(new Owner(f.grandfather, f.grandfather.name(), 100))
                : List.of(new Owner(f.grandfather, f.grandfather.name(), 50), new Owner(f.grandmother, f.grandmother.name(), 50));
        reg.property(h, "住宅", bought, owners);
        LocalDate movedIn = bought.plusDays(30 + rnd.nextInt(200));
        String hh = reg.household("家庭户", h.address(), h.community(), movedIn);
        reg.member(hh, f.grandfather, f.grandfather.name(), "户主", movedIn, "本市迁入");
        reg.member(hh, f.grandmother, f.grandmother.name(), "配偶", movedIn, "本市迁入");
        reg.marriage(f.grandfather, f.grandmother, f.grandfather.birth().plusYears(24), "结婚");
        if (orphan) {
            for (Kid k : f.kids) {
                reg.status(k.person(), "孤儿", k.person().birth().plusYears(2 + rnd.nextInt(3)), null);
            }
            planted("ORPHAN", f, f.kids.get(0).person(), "孤儿，由祖父母监护");
        } else {
            LocalDate parentsIn = f.marriedOn.isAfter(movedIn) ? f.marriedOn : movedIn;
            reg.member(hh, f.father, f.father.name(), "子", parentsIn, "本市迁入");
            reg.member(hh, f.mother, f.mother.name(), "儿媳", parentsIn, "婚入");
            reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        }
        kidsInto(f, hh, movedIn, true, null);
    }

    private void category3(F f, int roll) {
        Home h = reg.home(f.hc);
        LocalDate bought = between(f.marriedOn.minusYears(1), evidenceDeadline.minusMonths(2));
        boolean coOwner = roll >= 110 && roll < 120;
        boolean mismatch = roll >= 120 && roll < 130;
        String fatherName = mismatch ? Names.variant(f.father.name()) : f.father.name();
        if (coOwner) {
            Person other = people.adult(people.pick(People.NANCHANG_OLD), f.father.birth().plusYears(rnd.nextInt(5)), false,
                    Names.surname(rnd));
            reg.property(h, "住宅", bought, List.of(new Owner(f.father, fatherName, 30), new Owner(other, other.name(), 70)));
            planted("CO_OWNER_NON_DIRECT", f, f.guardian, h.unitNo() + " 监护人份额30%，非直系亲属" + other.name() + "份额70%");
        } else {
            reg.property(h, "住宅", bought, List.of(new Owner(f.father, fatherName, 50), new Owner(f.mother, f.mother.name(), 50)));
        }
        if (mismatch) {
            planted("NAME_MISMATCH", f, f.guardian, "不动产登记姓名" + fatherName + "，户籍姓名" + f.father.name());
        }
        reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        int e = elsewhere(f.hc);
        Home there = reg.home(e);
        LocalDate movedIn = between(f.marriedOn.minusYears(6), f.marriedOn);
        String hh = reg.household("家庭户", there.address(), there.community(), movedIn);
        reg.member(hh, f.father, f.father.name(), "户主", movedIn, "本市迁入");
        reg.member(hh, f.mother, f.mother.name(), "配偶", f.marriedOn, "婚入");
        kidsInto(f, hh, f.marriedOn, false, null);
    }

    private void category4(F f, int roll) {
        boolean commercial = roll < 150;
        String usage = commercial ? "商业" : rnd.nextInt(10) < 6 ? "公寓" : "商住";
        Home h = reg.home(f.hc);
        LocalDate bought = between(f.marriedOn.minusYears(1), evidenceDeadline.minusMonths(2));
        reg.property(h, usage, bought, List.of(new Owner(f.father, f.father.name(), 50), new Owner(f.mother, f.mother.name(), 50)));
        if (commercial) {
            planted("COMMERCIAL_UNIT", f, f.guardian, h.unitNo() + " 用途为商业");
        }
        reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        LocalDate movedIn = bought.plusDays(30 + rnd.nextInt(120));
        String hh = reg.household("家庭户", h.address(), h.community(), movedIn);
        reg.member(hh, f.father, f.father.name(), "户主", movedIn, "本市迁入");
        reg.member(hh, f.mother, f.mother.name(), "配偶", movedIn, "本市迁入");
        kidsInto(f, hh, movedIn, false, null);
    }

    private void category5(F f, Home at, String landlord) {
        Home h = at != null ? at : reg.home(f.hc);
        LocalDate registered = at != null ? between(LocalDate.of(season - 2, 1, 1), evidenceDeadline.minusMonths(1))
                : between(LocalDate.of(season - 4, 1, 1), evidenceDeadline.minusMonths(1));
        reg.rental(h, landlord != null ? landlord : Names.surname(rnd) + Names.given(rnd, rnd.nextBoolean()), f.father,
                registered, registered, LocalDate.of(season + 1 + rnd.nextInt(2), registered.getMonthValue(), 1));
        reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        if (at == null && rnd.nextInt(10) < 4) {
            String hh = reg.household("集体户", h.address().replaceAll("\\d+栋.*$", "") + "社区集体户", h.community(),
                    LocalDate.of(season - 20, 1, 1));
            LocalDate movedIn = between(f.marriedOn.minusYears(3), evidenceDeadline.minusMonths(6));
            reg.member(hh, f.father, f.father.name(), "集体户成员", movedIn, "外市迁入");
            for (Kid k : f.kids) {
                LocalDate in = k.person().birth().isAfter(movedIn) ? k.person().birth().plusDays(30) : movedIn;
                reg.member(hh, k.person(), k.person().name(), "集体户成员", in, "随迁");
            }
        } else {
            Home registeredAt = at != null ? at : reg.home(f.hc);
            LocalDate movedIn = at != null ? registered.plusDays(10 + rnd.nextInt(60))
                    : between(f.marriedOn.minusYears(2), evidenceDeadline.minusMonths(6));
            String hh = reg.household("家庭户", registeredAt.address(), registeredAt.community(), movedIn);
            reg.member(hh, f.father, f.father.name(), "户主", movedIn, "本市迁入");
            reg.member(hh, f.mother, f.mother.name(), "配偶", movedIn, "本市迁入");
            kidsInto(f, hh, movedIn, false, null);
        }
    }

    private void category6(F f, int roll) {
        Home h = reg.home(f.hc);
        boolean contract = roll < 300;
        if (contract) {
            boolean delivered = roll < 150;
            LocalDate signed = between(LocalDate.of(season - 3, 1, 1), LocalDate.of(season - 1, 6, 30));
            LocalDate deliveredOn = delivered ? between(LocalDate.of(season - 1, 7, 1), LocalDate.of(season, 3, 31)) : null;
            reg.contract(h, signed, delivered, deliveredOn, List.of(f.father, f.mother));
            planted(delivered ? "DELIVERED_CONTRACT_NO_CERTIFICATE" : "UNDELIVERED_CONTRACT", f, f.guardian,
                    h.unitNo() + (delivered ? " 已交房未办证" : " 网签未交房"));
            Home rented = reg.home(f.hc);
            LocalDate registered = between(LocalDate.of(season - 3, 1, 1), evidenceDeadline.minusMonths(1));
            reg.rental(rented, Names.surname(rnd) + Names.given(rnd, true), f.father, registered, registered,
                    LocalDate.of(season + 1, 8, 31));
        } else if (rnd.nextInt(10) < 7) {
            LocalDate registered = between(LocalDate.of(season - 3, 1, 1), evidenceDeadline.minusMonths(1));
            reg.rental(h, Names.surname(rnd) + Names.given(rnd, true), f.father, registered, registered,
                    LocalDate.of(season + 1, registered.getMonthValue(), 1));
        } else {
            reg.property(h, "公寓", between(LocalDate.of(season - 8, 1, 1), evidenceDeadline.minusMonths(1)),
                    List.of(new Owner(f.father, f.father.name(), 100)));
        }
        reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        Home there = reg.home(elsewhere(f.hc));
        LocalDate movedIn = between(f.marriedOn.minusYears(5), f.marriedOn);
        String hh = reg.household("家庭户", there.address(), there.community(), movedIn);
        reg.member(hh, f.father, f.father.name(), "户主", movedIn, "本市迁入");
        reg.member(hh, f.mother, f.mother.name(), "配偶", f.marriedOn, "婚入");
        kidsInto(f, hh, f.marriedOn, false, null);
    }

    private void category7(F f, int roll) {
        Home h = reg.home(f.hc);
        boolean noPermit = roll < 120;
        boolean latePermit = roll >= 120 && roll < 180;
        boolean shortInsurance = roll >= 180 && roll < 250;
        reg.marriage(f.father, f.mother, f.marriedOn, "结婚");
        if (!noPermit) {
            LocalDate issued = latePermit ? between(LocalDate.of(season, 1, 10), LocalDate.of(season, 4, 30))
                    : between(LocalDate.of(season - 5, 1, 1), evidenceDeadline.minusMonths(1));
            LocalDate valid = issued.plusYears(1);
            while (valid.isBefore(LocalDate.of(season, 9, 1))) {
                valid = valid.plusYears(1);
            }
            reg.permit(h, f.father, issued, valid);
            if (rnd.nextBoolean()) {
                reg.permit(h, f.mother, issued.plusDays(rnd.nextInt(30)), valid);
            }
        }
        int months = shortInsurance ? 3 + rnd.nextInt(6) : 12 + rnd.nextInt(100);
        reg.insurance(f.father, months, LocalDate.of(season, 5, 1));
        if (rnd.nextInt(10) < 6) {
            LocalDate registered = between(LocalDate.of(season - 3, 1, 1), evidenceDeadline.minusMonths(1));
            reg.rental(h, Names.surname(rnd) + Names.given(rnd, true), f.father, registered, registered,
                    LocalDate.of(season + 1, registered.getMonthValue(), 1));
        }
        if (noPermit || latePermit || shortInsurance) {
            String why = noPermit ? "无居住证" : latePermit ? "居住证办理晚于上年12月31日" : "社保缴费不足12个月";
            planted("MIGRANT_INCOMPLETE", f, f.guardian, why);
        }
    }

    /** Records every family may have: social insurance, 低保, 优待, 学籍. */
    private void common(F f) {
        if (f.category != 7 && f.father != null) {
            if (rnd.nextInt(10) < 9) {
                reg.insurance(f.father, 24 + rnd.nextInt(180), LocalDate.of(season, 5, 1));
            }
            if (rnd.nextInt(10) < 7) {
                reg.insurance(f.mother, 24 + rnd.nextInt(180), LocalDate.of(season, 5, 1));
            }
        }
        if (f.father != null && rnd.nextInt(100) == 0) {
            reg.status(f.father, "低保", LocalDate.of(season - 1 - rnd.nextInt(3), 1 + rnd.nextInt(12), 1), LocalDate.of(season, 12, 31));
            planted("DIBAO", f, f.guardian, "城乡低保户");
        }
        if (f.father != null && rnd.nextInt(1000) < 15) {
            preferential(f);
        }
        for (Kid k : f.kids) {
            if (k.cohort() == Cohort.G7 || k.cohort() == Cohort.PRIMARY) {
                Schools.School school = schools.zones.get(schools.primaryZone[f.hc]).schools().get(0);
                int grade = k.cohort() == Cohort.G7 ? 6 : season - k.person().birth().getYear() - 6 + (k.person().birth().getMonthValue() >= 9 ? -1 : 0);
                grade = Math.max(1, Math.min(5, grade));
                if (k.cohort() == Cohort.G7) {
                    grade = 6;
                }
                int entry = season - grade;
                Integer score = k.cohort() == Cohort.G7 ? (int) Math.max(90, Math.min(300, Math.round(245 + 30 * rnd.nextGaussian()))) : null;
                reg.student(k.person(), school, grade, LocalDate.of(entry, 9, 1), k.cohort() == Cohort.G7 ? season + "-07" : (entry + 6) + "-07",
                        "在读", score);
            }
        }
    }

    private void preferential(F f) {
        int r = rnd.nextInt(100);
        LocalDate from = LocalDate.of(season - 1 - rnd.nextInt(4), 1 + rnd.nextInt(12), 1);
        LocalDate until = LocalDate.of(season + 2, 12, 31);
        String code;
        if (r < 35) {
            code = "ACTIVE_SERVICEMAN";
            reg.preferential(f.father, "现役军人", "南昌警备区政治工作处", "现役军人子女", from, until);
        } else if (r < 55) {
            code = "POLICE";
            reg.preferential(f.father, "公安民警", "南昌市公安局政治部", "公安英模或因公牺牲伤残民警子女", from, until);
        } else if (r < 65) {
            code = "FIREFIGHTER";
            reg.preferential(f.father, "消防救援人员", "南昌市消防救援支队", "国家综合性消防救援队伍人员子女", from, until);
        } else if (r < 70) {
            code = "MARTYR";
            reg.preferential(f.kids.get(0).person(), "烈士子女", "南昌市退役军人事务局", "烈士子女", from, null);
        } else {
            code = "TALENT";
            String tier = "ABCD".substring(r % 4, r % 4 + 1);
            reg.preferential(f.father, "高层次人才", "中共南昌市委人才工作领导小组办公室", tier + "类人才", from, until);
        }
        planted("PREFERENTIAL_" + code, f, f.guardian, "优待类别 " + code);
    }

    private void finish(F f) {
        for (String c : List.copyOf(f.cases)) {
            if (c.equals("TWINS") || c.equals("SIBLINGS")) {
                planted(c, f, f.guardian, f.kids.size() + " 名子女");
            }
        }
        int pz = schools.primaryZone[f.hc];
        int jz = schools.juniorZone[f.hc];
        t.family.row(f.no, f.category, f.home.districtCode(), f.home.code(), schools.zones.get(pz).code(), schools.zones.get(jz).code(),
                f.guardian.id(), f.guardian.phone(), String.join(",", f.cases));
        for (Kid k : f.kids) {
            t.familyChild.row(f.no, k.person().id(), k.cohort().name());
            if (f.father != null || f.mother != null) {
                reg.birth(k.person(), f.mother, f.father);
            }
            if (k.cohort() == Cohort.G1) {
                demand[pz][f.category]++;
                g1++;
                cohortChildren++;
            } else if (k.cohort() == Cohort.G7) {
                demand[jz][f.category]++;
                g7++;
                cohortChildren++;
            } else if (k.cohort() == Cohort.YOUNG) {
                young++;
            }
        }
        if (f.cohort) {
            cohortFamilies++;
        }
    }
}
