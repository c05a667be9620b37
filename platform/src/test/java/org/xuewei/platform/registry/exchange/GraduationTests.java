package org.xuewei.platform.registry.exchange;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** 学籍 graduation as the exchange answers it ("2027-07") must make a G7 child eligible in its season. */
class GraduationTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aYearMonthInTheSeasonIsAGraduation() {
        assertThat(FactsCollector.graduation(NODES.stringNode("2027-07"), 2027)).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(FactsCollector.graduation(NODES.stringNode("2026-06"), 2027)).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aLaterGraduationIsNotThisSeasons() {
        assertThat(FactsCollector.graduation(NODES.stringNode("2028-07"), 2027)).isNull();
    }

    @Test
    void aBareYearOrAFullDateIsReadToo() {
        assertThat(FactsCollector.graduation(NODES.numberNode(2027), 2027)).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(FactsCollector.graduation(NODES.stringNode("2027-07-05"), 2027)).isEqualTo(LocalDate.of(2027, 7, 31));
    }

    @Test
    void missingOrMalformedMeansNoGraduation() {
        assertThat(FactsCollector.graduation(null, 2027)).isNull();
        assertThat(FactsCollector.graduation(NODES.nullNode(), 2027)).isNull();
        assertThat(FactsCollector.graduation(NODES.stringNode("七月"), 2027)).isNull();
        assertThat(FactsCollector.graduation(NODES.missingNode(), 2027)).isNull();
    }
}
