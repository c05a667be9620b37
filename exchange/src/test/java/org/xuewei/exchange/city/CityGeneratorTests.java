package org.xuewei.exchange.city;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CityGeneratorTests {

    static final CityGenerator.Options SMALL = new CityGenerator.Options(42, 4000, 2027);
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
        GeneratedCity again = new CityGenerator().generate(SMALL);
        assertThat(again.digest()).isEqualTo(city.digest());
        GeneratedCity other = new CityGenerator().generate(new CityGenerator.Options(43, 4000, 2027));
        assertThat(other.digest()).isNotEqualTo(city.digest());
    }

    @Test
    void printsAnOverview() {
        System.out.println(city.stats() + " rows=" + city.rows() + " digest=" + city.digest());
        city.tables().forEach(t -> System.out.println(t.name() + " " + t.rows()));
    }
}
