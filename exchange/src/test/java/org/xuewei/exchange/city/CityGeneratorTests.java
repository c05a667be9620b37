package org.xuewei.exchange.city;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CityGeneratorTests {

    static final CityGenerator.Options SMALL = new CityGenerator.Options(42, 6000, 2027);
    static GeneratedCity city;

    @BeforeAll
    static void generate() {
        city = new CityGenerator().generate(SMALL);
    }

    static List<String[]> rows(String table) {
        return Arrays.stream(city.table(table).text().split("\n")).filter(s -> !s.isEmpty()).map(s -> s.split("\t", -1)).toList();
    }

    @Test
    void sameSeedScaleAndSeasonGiveTheSameBytes() {
        assertThat(new CityGenerator().generate(SMALL).digest()).isEqualTo(city.digest());
        assertThat(new CityGenerator().generate(new CityGenerator.Options(43, 6000, 2027)).digest()).isNotEqualTo(city.digest());
        assertThat(new CityGenerator().generate(new CityGenerator.Options(42, 6000, 2028)).digest()).isNotEqualTo(city.digest());
    }

    @Test
    void everyIdNumberIsValidUniqueGenderConsistentAndFromAKnownRegion() {
        Set<String> regions = new HashSet<>();
        Stream.of(People.NANCHANG_OLD, People.JIANGXI, People.OTHER_PROVINCES).forEach(a -> regions.addAll(List.of(a)));
        regions.addAll(List.of("360102", "360103", "360104", "360111", "360112", "360113", "360121", "360123", "360124"));
        Set<String> seen = new HashSet<>();
        for (String[] p : rows("person")) {
            String id = p[0];
            assertThat(IdNumbers.isValid(id)).as(id).isTrue();
            assertThat(seen.add(id)).as("unique " + id).isTrue();
            assertThat(String.valueOf(IdNumbers.gender(id))).isEqualTo(p[2]);
            assertThat(IdNumbers.birthDate(id)).isEqualTo(LocalDate.parse(p[3]));
            assertThat(id.substring(0, 6)).isEqualTo(p[4]).isIn(regions);
        }
        Set<String> phones = rows("person").stream().map(p -> p[5]).filter(s -> !s.equals("\\N")).collect(Collectors.toSet());
        assertThat(phones).allMatch(s -> s.matches("1[3-9]\\d{9}"));
        assertThat(phones).hasSize((int) rows("person").stream().filter(p -> !p[5].equals("\\N")).count());
    }

    @Test
    void cohortsHaveTheRightAgesAndTheScaleIsMet() {
        Map<String, LocalDate> births = rows("person").stream().collect(Collectors.toMap(p -> p[0], p -> LocalDate.parse(p[3])));
        LocalDate cutoff = LocalDate.of(2027, 8, 31);
        for (String[] c : rows("family_child")) {
            LocalDate b = births.get(c[1]);
            switch (c[2]) {
                case "G1" -> assertThat(b).isBetween(cutoff.minusYears(7).plusDays(1), cutoff.minusYears(6));
                case "G7" -> assertThat(b).isBetween(cutoff.minusYears(13).plusDays(1), cutoff.minusYears(12));
                case "YOUNG" -> assertThat(b).isAfter(cutoff.minusYears(6));
                default -> assertThat(b).isBefore(cutoff.minusYears(7));
            }
        }
        assertThat(city.stats().g1() + city.stats().g7()).isBetween(6000, 6010);
        Set<String> g7 = rows("family_child").stream().filter(c -> c[2].equals("G7")).map(c -> c[1]).collect(Collectors.toSet());
        Set<String> graduating = rows("student_record").stream().filter(s -> s[5].equals("6")).map(s -> s[1]).collect(Collectors.toSet());
        assertThat(graduating).isEqualTo(g7);
    }

    @Test
    void categoryRatesAreWithinStatedBounds() {
        List<String[]> families = rows("family");
        Map<String, Long> byCategory = families.stream().collect(Collectors.groupingBy(f -> f[1], Collectors.counting()));
        for (int c = 1; c <= 7; c++) {
            double share = byCategory.getOrDefault(String.valueOf(c), 0L) / (double) families.size();
            double expected = Families.CATEGORY_PERCENT[c] / 100.0;
            assertThat(share).as("category " + c).isCloseTo(expected, within(0.03));
        }
    }

    @Test
    void plantedCaseRatesAreWithinStatedBounds() {
        double families = city.stats().families();
        Map<String, Integer> cases = city.stats().plantedCases();
        Map<String, double[]> bounds = new HashMap<>();
        bounds.put("SHARED_HOME", new double[]{0.002, 0.012});
        bounds.put("RECENT_MOVE_IN", new double[]{0.006, 0.02});
        bounds.put("DIVORCE_BEFORE_SEASON", new double[]{0.0005, 0.006});
        bounds.put("CO_OWNER_NON_DIRECT", new double[]{0.002, 0.01});
        bounds.put("COMMERCIAL_UNIT", new double[]{0.002, 0.012});
        bounds.put("UNDELIVERED_CONTRACT", new double[]{0.004, 0.015});
        bounds.put("DELIVERED_CONTRACT_NO_CERTIFICATE", new double[]{0.004, 0.015});
        bounds.put("MISSING_RECORD", new double[]{0.004, 0.015});
        bounds.put("NAME_MISMATCH", new double[]{0.002, 0.01});
        bounds.put("TWINS", new double[]{0.004, 0.016});
        bounds.put("SIBLINGS", new double[]{0.04, 0.09});
        bounds.put("MIGRANT_INCOMPLETE", new double[]{0.02, 0.06});
        bounds.forEach((code, b) -> assertThat(cases.getOrDefault(code, 0) / families).as(code).isBetween(b[0], b[1]));
        assertThat(rows("manifest")).hasSize(cases.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void sharedHomesAreUsedByTwoUnrelatedFamilies() {
        Map<String, List<String>> unitFamilies = rows("manifest").stream().filter(m -> m[0].equals("SHARED_HOME"))
                .collect(Collectors.groupingBy(m -> m[3].substring(0, 28), Collectors.mapping(m -> m[1], Collectors.toList())));
        assertThat(unitFamilies).isNotEmpty().allSatisfy((unit, fams) -> assertThat(fams).hasSize(2).doesNotHaveDuplicates());
    }

    @Test
    void everyCommunityLiesInsideItsDistrictAndIsZoned() {
        Geography geo = Geography.load(SMALL.seed());
        assertThat(geo.districts()).hasSize(9);
        assertThat(geo.streets()).hasSize(139);
        assertThat(geo.communities()).hasSize(2263);
        for (Geography.Community c : geo.communities()) {
            assertThat(geo.contains(c.districtCode(), c.lon(), c.lat())).as(c.name()).isTrue();
        }
        Catalog catalog = city.catalog();
        for (String stage : List.of("PRIMARY", "JUNIOR")) {
            Map<String, Long> zonesPerCommunity = catalog.zones().stream().filter(z -> z.stage().equals(stage))
                    .flatMap(z -> z.communityCodes().stream()).collect(Collectors.groupingBy(c -> c, Collectors.counting()));
            assertThat(zonesPerCommunity).hasSize(2263).allSatisfy((c, n) -> assertThat(n).isEqualTo(1L));
        }
        assertThat(catalog.zones()).anyMatch(z -> z.schoolCodes().size() == 2);
        assertThat(catalog.schools()).anyMatch(s -> s.ownership().equals("PRIVATE"));
    }

    @Test
    void capacitiesProduceEveryWarningStateAndUnderFilledSchools() {
        for (int grade : List.of(1, 7)) {
            Set<String> warnings = city.catalog().plans().stream().filter(p -> p.grade() == grade)
                    .map(p -> p.expected().warning()).collect(Collectors.toSet());
            assertThat(warnings).as("grade " + grade).contains("RED", "ORANGE", "YELLOW", "NONE");
            assertThat(city.catalog().plans()).anyMatch(p -> p.grade() == grade && p.expected().design().equals("UNDER_FILLED"));
            assertThat(city.catalog().plans()).anyMatch(p -> p.grade() == grade && p.expected().design().equals("BALANCED"));
        }
        assertThat(city.catalog().plans()).allSatisfy(p -> {
            assertThat(p.classes() * p.classSize()).isGreaterThanOrEqualTo(p.seats());
            assertThat(p.classSize()).isEqualTo(p.grade() == 1 ? 45 : 50);
        });
    }

    @Test
    void scalesParse() {
        assertThat(CityGenerator.parseScale("demo")).isEqualTo(20_000);
        assertThat(CityGenerator.parseScale("nanchang")).isGreaterThanOrEqualTo(120_000);
        assertThat(CityGenerator.parseScale("5000")).isEqualTo(5000);
        assertThat(CityGenerator.defaultSeason(LocalDate.of(2026, 11, 29))).isEqualTo(2027);
        assertThat(CityGenerator.defaultSeason(LocalDate.of(2027, 5, 1))).isEqualTo(2027);
    }
}
