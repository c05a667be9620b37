package org.xuewei.exchange.city;

import org.xuewei.exchange.city.Geography.Community;
import org.xuewei.exchange.city.Geography.District;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic schools and zones (学区划片) of the education bureau: primary and junior schools per
 * district at community sites, each community zoned to its nearest public school of each stage,
 * and one multi-school zone (多校划片) per district and stage where there are three schools or more.
 */
final class Schools {

    enum Stage { PRIMARY, JUNIOR }

    record School(String code, String name, String districtCode, Stage stage, boolean publicSchool,
                  String communityCode, String address, double lon, double lat, int classSize) {
    }

    record Zone(String code, String districtCode, Stage stage, List<School> schools, List<Integer> communities) {
    }

    static final double PRIMARY_PER_SCHOOL = 150;
    static final double JUNIOR_PER_SCHOOL = 320;

    final List<School> schools = new ArrayList<>();
    final List<Zone> zones = new ArrayList<>();
    /** Zone index of each community (by community index), per stage. */
    final int[] primaryZone;
    final int[] juniorZone;

    Schools(Geography geo, String[][] roads, int cohortChildren, SplittableRandom rnd) {
        List<Community> all = geo.communities();
        primaryZone = new int[all.size()];
        juniorZone = new int[all.size()];
        Arrays.fill(primaryZone, -1);
        Arrays.fill(juniorZone, -1);
        long totalWeight = all.stream().mapToLong(Community::weight).sum();
        Set<String> names = new HashSet<>();
        for (District d : geo.districts()) {
            List<Integer> comms = new ArrayList<>();
            long w = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).districtCode().equals(d.code())) {
                    comms.add(i);
                    w += all.get(i).weight();
                }
            }
            double expected = cohortChildren / 2.0 * w / totalWeight;
            int nPrimary = (int) Math.min(comms.size(), Math.max(3, Math.round(expected / PRIMARY_PER_SCHOOL)));
            int nJunior = (int) Math.min(comms.size(), Math.max(2, Math.round(expected / JUNIOR_PER_SCHOOL)));
            boolean privates = d.urban() || d.code().equals("360121");
            for (Stage stage : Stage.values()) {
                int n = stage == Stage.PRIMARY ? nPrimary : nJunior;
                List<Integer> sites = sample(all, comms, n, rnd);
                List<School> publics = new ArrayList<>();
                int seq = 1;
                for (int site : sites) {
                    School s = school(geo, all.get(site), roads[site], d, stage, true, seq++, names, rnd);
                    publics.add(s);
                    schools.add(s);
                }
                int nPrivate = privates ? (int) Math.max(1, Math.round(n * 0.1)) : 0;
                for (int site : sample(all, comms, nPrivate, rnd)) {
                    schools.add(school(geo, all.get(site), roads[site], d, stage, false, seq++, names, rnd));
                }
                zone(all, comms, publics, d, stage, rnd);
            }
        }
    }

    private void zone(List<Community> all, List<Integer> comms, List<School> publics, District d, Stage stage, SplittableRandom rnd) {
        Map<School, List<Integer>> members = new LinkedHashMap<>();
        publics.forEach(s -> members.put(s, new ArrayList<>()));
        for (int c : comms) {
            Community community = all.get(c);
            School best = publics.stream()
                    .min(Comparator.comparingDouble(s -> distance(s.lon(), s.lat(), community.lon(), community.lat())))
                    .orElseThrow();
            members.get(best).add(c);
        }
        School mergeA = null;
        School mergeB = null;
        if (publics.size() >= 3) {
            mergeA = publics.get(rnd.nextInt(publics.size()));
            School a = mergeA;
            mergeB = publics.stream().filter(s -> s != a)
                    .min(Comparator.comparingDouble(s -> distance(s.lon(), s.lat(), a.lon(), a.lat()))).orElseThrow();
        }
        int seq = 1;
        String prefix = "Z" + d.code() + (stage == Stage.PRIMARY ? "P" : "J");
        for (School s : publics) {
            if (s == mergeB) {
                continue;
            }
            List<School> zoneSchools = new ArrayList<>(List.of(s));
            List<Integer> zoneComms = new ArrayList<>(members.get(s));
            if (s == mergeA) {
                zoneSchools.add(mergeB);
                zoneComms.addAll(members.get(mergeB));
                zoneComms.sort(Integer::compare);
            }
            int index = zones.size();
            zones.add(new Zone(prefix + String.format("%02d", seq++), d.code(), stage, List.copyOf(zoneSchools), List.copyOf(zoneComms)));
            for (int c : zoneComms) {
                (stage == Stage.PRIMARY ? primaryZone : juniorZone)[c] = index;
            }
        }
    }

    static double distance(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon1 - lon2) * 0.877;
        double dy = lat1 - lat2;
        return dx * dx + dy * dy;
    }

    /** Weighted sample without replacement (Efraimidis–Spirakis), deterministic for the random stream. */
    private static List<Integer> sample(List<Community> all, List<Integer> comms, int n, SplittableRandom rnd) {
        double[] keys = new double[comms.size()];
        Integer[] order = new Integer[comms.size()];
        for (int i = 0; i < comms.size(); i++) {
            keys[i] = Math.pow(rnd.nextDouble(), 1.0 / all.get(comms.get(i)).weight());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(n, order.length); i++) {
            picked.add(comms.get(order[i]));
        }
        picked.sort(Integer::compare);
        return picked;
    }

    private static School school(Geography geo, Community site, String[] roads, District d, Stage stage, boolean pub,
                                 int seq, Set<String> names, SplittableRandom rnd) {
        String stem = site.name().replaceAll("(社区居委会|社区|居委会|村委会|村民委员会|管理处|居民委员会)$", "");
        String suffix = stage == Stage.PRIMARY ? (pub ? "小学" : "实验学校") : (pub ? "中学" : "外国语学校");
        String name = stem + suffix;
        if (!names.add(name)) {
            name = d.name() + stem + suffix;
            for (int k = 2; !names.add(name); k++) {
                name = d.name() + stem + "第" + k + suffix;
            }
        }
        String code = d.code() + (stage == Stage.PRIMARY ? "P" : "J") + String.format("%03d", seq);
        String address = "江西省南昌市" + d.name() + geo.street(site.streetCode()).name() + roads[0] + (1 + rnd.nextInt(400)) + "号";
        double lon = Geography.round6(site.lon() + rnd.nextDouble(-0.0015, 0.0015));
        double lat = Geography.round6(site.lat() + rnd.nextDouble(-0.0015, 0.0015));
        if (!geo.contains(d.code(), lon, lat)) {
            lon = site.lon();
            lat = site.lat();
        }
        return new School(code, name, d.code(), stage, pub, site.code(), address, lon, lat, stage == Stage.PRIMARY ? 45 : 50);
    }
}
