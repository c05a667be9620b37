package org.xuewei.platform.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.xuewei.platform.PlatformTest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic city's catalog export (xuewei-catalog/1) goes through the same import as a workbook. */
@PlatformTest
class CatalogJsonImportTests {

    @Autowired
    CatalogImport imports;
    @Autowired
    Schools schools;
    @Autowired
    Zones zones;
    @Autowired
    EnrollmentPlans plans;

    @Test
    void the_synthetic_catalog_is_imported() throws Exception {
        ImportResult result;
        try (InputStream in = new ClassPathResource("catalog/catalog.json").getInputStream()) {
            result = imports.importCatalogJson(in, Editor.city("catalog-json-test", ""), Locale.SIMPLIFIED_CHINESE);
        }

        assertThat(result.problems()).isEmpty();
        assertThat(result).extracting(ImportResult::schools, ImportResult::zones, ImportResult::plans)
                .containsExactly(4, 3, 4);
        assertThat(schools.find("360111P903")).hasValueSatisfying(s -> {
            assertThat(s.ownership()).isEqualTo(SchoolOwnership.PRIVATE);
            assertThat(s.address()).isEqualTo("江西省南昌市青山湖区湖坊镇满庭春路3号");
            assertThat(s.lat()).isEqualTo(28.651);
        });
        // 多校划片: two schools for the same communities
        assertThat(zones.schoolsFor("360111001004", SchoolStage.PRIMARY, 2030)).extracting(School::code)
                .containsExactly("360111P901", "360111P902");
        assertThat(zones.zoneOf("360111001008", SchoolStage.JUNIOR, 2030)).hasValueSatisfying(z -> {
            assertThat(z.code()).isEqualTo("Z360111J01");
            assertThat(z.communityCodes()).hasSize(3);
        });
        // the generator's seats are kept (fewer than classes × class size)
        assertThat(plans.find("360111P901", 2030, 1)).contains(new EnrollmentPlan("360111P901", 2030, 1, 4, 45, 171));
        assertThat(plans.seats("360111J901", 2030, 7)).isEqualTo(353);
    }

    @Test
    void bad_records_are_reported_by_list_and_position_and_nothing_is_written() {
        String json = """
                {"format": "xuewei-catalog/1", "season": 2030,
                 "schools": [{"code": "360112P901", "name": "新建小学", "districtCode": "360112", "stage": "PRIMARY",
                              "ownership": "PUBLIC", "communityCode": "360112999999"}],
                 "zones": [],
                 "plans": [{"schoolCode": "360112P901", "season": 2030, "grade": 1, "classes": 0, "classSize": 45, "seats": 1}]}""";

        ImportResult result = imports.importCatalogJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Editor.city("catalog-json-test", ""), Locale.SIMPLIFIED_CHINESE);

        assertThat(result.written()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unknown-community", "学校!F1"),
                org.assertj.core.groups.Tuple.tuple("not-positive", "招生计划!E1"));
        assertThat(schools.find("360112P901")).isEmpty();
    }

    @Test
    void another_format_is_refused() {
        ImportResult result = imports.importCatalogJson(new ByteArrayInputStream("{\"format\":\"other/2\"}".getBytes()),
                Editor.city("catalog-json-test", ""), Locale.ENGLISH);
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("The file’s format “other/2” is wrong; expected xuewei-catalog/1"));
        assertThat(imports.importCatalogJson(new ByteArrayInputStream("{not json".getBytes()),
                Editor.city("catalog-json-test", ""), Locale.ENGLISH).problems())
                .extracting(ImportProblem::code).containsExactly("unreadable-json");
    }
}
