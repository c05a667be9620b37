package org.xuewei.exchange.city;

import org.xuewei.exchange.city.Geography.Community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The synthetic city: the same seed, size and season always give byte-identical tables and
 * catalog. Registry records go to the exchange's tables; schools, zones and enrollment plans
 * (the education bureau's data) go to the catalog export.
 */
public final class CityGenerator {

    /** 生成参数 — seed, number of children in the G1 and G7 cohorts together, season (entry year). */
    public record Options(long seed, int cohortChildren, int season) {
        public Options {
            if (cohortChildren < 200 || cohortChildren > 2_000_000) {
                throw new IllegalArgumentException("scale must be between 200 and 2,000,000 children");
            }
            if (season < 2000 || season > 2100) {
                throw new IllegalArgumentException("season must be a year between 2000 and 2100");
            }
        }
    }

    public GeneratedCity generate(Options options) {
        long seed = options.seed();
        Geography geo = Geography.load(seed);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom addressRnd = root.split();
        SplittableRandom schoolRnd = root.split();
        SplittableRandom familyRnd = root.split();
        SplittableRandom planRnd = root.split();
        List<Community> comms = geo.communities();
        String[][] roads = new String[comms.size()][];
        String[][] estates = new String[comms.size()][];
        for (int i = 0; i < comms.size(); i++) {
            roads[i] = new String[2 + addressRnd.nextInt(3)];
            for (int k = 0; k < roads[i].length; k++) {
                roads[i][k] = Addresses.road(addressRnd);
            }
            estates[i] = new String[2 + addressRnd.nextInt(4)];
            for (int k = 0; k < estates[i].length; k++) {
                estates[i][k] = Addresses.estate(addressRnd);
            }
        }
        Schools schools = new Schools(geo, roads, options.cohortChildren(), schoolRnd);
        CityTables tables = new CityTables();
        People people = new People(familyRnd, tables.person);
        Registries registries = new Registries(tables, familyRnd, geo, roads, estates);
        Families families = new Families(geo, schools, registries, people, tables, familyRnd, options.season());
        families.generate(options.cohortChildren());
        List<Catalog.Plan> plans = plans(schools, families.demand, options.season(), planRnd);
        Catalog catalog = Catalog.of(options, geo, schools, plans);
        GeneratedCity.Stats stats = new GeneratedCity.Stats(families.families, families.cohortFamilies, people.count,
                families.g1, families.g7, families.young, families.caseCounts);
        return new GeneratedCity(options, tables.all(), catalog, stats);
    }

    /** Warning states a zone's capacity is tuned to (学位预警, DOMAIN.md §10), with their shares. */
    enum Design { RED, ORANGE, YELLOW, BALANCED, UNDER_FILLED }

    private static final int[] DESIGN_PERCENT = {10, 10, 12, 38, 30};

    private static List<Catalog.Plan> plans(Schools schools, int[][] demand, int season, SplittableRandom rnd) {
        List<Catalog.Plan> plans = new ArrayList<>();
        Design[] designs = new Design[schools.zones.size()];
        for (int z = 0; z < designs.length; z++) {
            int r = rnd.nextInt(100);
            int d = 0;
            while (r >= DESIGN_PERCENT[d]) {
                r -= DESIGN_PERCENT[d];
                d++;
            }
            designs[z] = Design.values()[d];
        }
        // make sure every state exists at least once per stage, on zones with enough demand to show it
        for (Schools.Stage stage : Schools.Stage.values()) {
            List<Integer> candidates = new ArrayList<>();
            for (int z = 0; z < designs.length; z++) {
                int[] c = demand[z];
                if (schools.zones.get(z).stage() == stage && sum(c, 1, 3) >= 20 && sum(c, 4, 6) >= 10) {
                    candidates.add(z);
                }
            }
            for (int i = 0; i < Design.values().length && i < candidates.size(); i++) {
                designs[candidates.get(i * candidates.size() / Design.values().length)] = Design.values()[i];
            }
        }
        for (int z = 0; z < designs.length; z++) {
            Schools.Zone zone = schools.zones.get(z);
            int a = sum(demand[z], 1, 3);
            int b = sum(demand[z], 1, 6);
            int seats = switch (designs[z]) {
                case RED -> Math.max(1, (int) Math.round(a * (0.70 + 0.25 * rnd.nextDouble())));
                case ORANGE -> a + Math.max(1, (int) Math.round((b - a) * (0.3 + 0.4 * rnd.nextDouble())));
                case YELLOW -> b + Math.max(1, (int) Math.round(b * (0.02 + 0.06 * rnd.nextDouble())));
                case BALANCED -> (int) Math.round(b * (1.12 + 0.16 * rnd.nextDouble())) + 1;
                case UNDER_FILLED -> (int) Math.round(b * (1.45 + 0.45 * rnd.nextDouble())) + 20;
            };
            if (designs[z] == Design.ORANGE && b - a < 2) {
                seats = b + 1;
            }
            int n = zone.schools().size();
            for (int i = 0; i < n; i++) {
                Schools.School s = zone.schools().get(i);
                int share = seats / n + (i < seats % n ? 1 : 0);
                plans.add(plan(s, season, Math.max(1, share), designs[z].name(), z, demand[z], n));
            }
        }
        for (Schools.School s : schools.schools) {
            if (!s.publicSchool()) {
                int classes = 2 + rnd.nextInt(6);
                plans.add(plan(s, season, classes * s.classSize(), "PRIVATE", -1, new int[8], 1));
            }
        }
        plans.sort((x, y) -> x.schoolCode().compareTo(y.schoolCode()));
        return plans;
    }

    private static Catalog.Plan plan(Schools.School s, int season, int seats, String design, int zone, int[] demand, int shareOf) {
        int classes = (seats + s.classSize() - 1) / s.classSize();
        int grade = s.stage() == Schools.Stage.PRIMARY ? 1 : 7;
        int a = sum(demand, 1, 3);
        int b = sum(demand, 1, 6);
        String warning = zone < 0 ? "NONE" : a >= seats * shareOf ? "RED" : b >= seats * shareOf ? "ORANGE"
                : b * 1.1 >= (double) seats * shareOf ? "YELLOW" : "NONE";
        return new Catalog.Plan(s.code(), season, grade, classes, s.classSize(), seats,
                new Catalog.Expected(design, warning, a, b, demand[7]));
    }

    static int sum(int[] c, int from, int to) {
        return Arrays.stream(c, from, to + 1).sum();
    }

    /** The default season: the summer ahead (from September on, next year's). */
    public static int defaultSeason(java.time.LocalDate today) {
        return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
    }

    /** Parses a scale: a number of cohort children, "demo" (20,000) or "nanchang" (125,000). */
    public static int parseScale(String scale) {
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "demo" -> 20_000;
            case "nanchang" -> 125_000;
            default -> {
                try {
                    yield Integer.parseInt(scale.replace("_", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("scale must be a number of children, demo or nanchang: " + scale);
                }
            }
        };
    }
}
