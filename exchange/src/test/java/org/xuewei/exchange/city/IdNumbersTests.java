package org.xuewei.exchange.city;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

    @Test
    void theStandardsExampleIsValid() {
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.gender("11010519491231002X")).isEqualTo('F');
    }

    @Test
    void wrongCheckDigitsDatesAndShapesAreInvalid() {
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid("11010519490230002X")).isFalse();
        assertThat(IdNumbers.isValid("1101051949123100")).isFalse();
        assertThat(IdNumbers.isValid("11010519491231002x")).isFalse();
        assertThat(IdNumbers.isValid(null)).isFalse();
        assertThat(IdNumbers.isValid("１１0105194912310021")).isFalse(); // full-width digits
        assertThat(IdNumbers.isValid(IdNumbers.of("360102", LocalDate.of(2020, 2, 29), 1))).isTrue();
        for (String date : new String[]{"19000229", "20210229", "20201301", "20200001", "20200100", "20200431", "2020-1-1"}) {
            String body = "360102" + date + "001";
            assertThat(IdNumbers.isValid(body + IdNumbers.checkDigit(body.replace('-', '0')))).as(date).isFalse();
        }
    }

    @Test
    void builtNumbersRoundTrip() {
        String id = IdNumbers.of("360102", LocalDate.of(2020, 10, 3), 123);
        assertThat(IdNumbers.isValid(id)).isTrue();
        assertThat(IdNumbers.birthDate(id)).isEqualTo(LocalDate.of(2020, 10, 3));
        assertThat(IdNumbers.gender(id)).isEqualTo('M');
        assertThat(IdNumbers.mask(id)).startsWith("3601").endsWith(id.substring(14)).contains("**********");
    }
}
