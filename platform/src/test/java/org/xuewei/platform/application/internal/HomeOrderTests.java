package org.xuewei.platform.application.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuewei.platform.application.CheckResult.HomeOption;
import org.xuewei.platform.application.CheckResult.SchoolChoice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check page pre-selects the first home: a category-6 family (hukou elsewhere in the city, a registered rental
 * in the zone) must find the rental first, not the hukou address that gives no category.
 */
class HomeOrderTests {

    @Test
    void theHomeWithTheBestCategoryComesFirstAndHomesWithoutOneLast() {
        Judge.Home hukou = home("H:1", school("S1", null, 0));
        Judge.Home rental = home("R:1", school("S2", "第6类", 6));
        Judge.Home apartment = home("P:1", school("S3", "第4类", 4), school("S4", null, 0));
        List<Judge.Home> homes = new ArrayList<>(List.of(hukou, rental, apartment));

        homes.sort(java.util.Comparator.comparingInt(Judge::bestRank));

        assertThat(homes).extracting(h -> h.option().id()).containsExactly("P:1", "R:1", "H:1");
        assertThat(Judge.bestRank(hukou)).isEqualTo(Integer.MAX_VALUE);
    }

    private static Judge.Home home(String id, SchoolChoice... schools) {
        return new Judge.Home(new HomeOption(id, id.substring(0, 1), "addr-" + id, "", List.of(schools)), null, List.of(), id);
    }

    private static SchoolChoice school(String code, String category, int rank) {
        return new SchoolChoice(code, code, "", category, rank, null, List.of());
    }
}
