package org.xuewei.platform.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.platform.PlatformTest;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Export → import gives back the same catalog, in either language; an edited export imports the edit. */
@PlatformTest
class CatalogRoundTripTests {

    static final int SEASON = 2032;
    static final String DISTRICT = "360104";
    static final Editor EDITOR = Editor.district("catalog-roundtrip-admin", "", DISTRICT);

    @Autowired
    CatalogImport imports;
    @Autowired
    CatalogExport export;
    @Autowired
    Schools schools;
    @Autowired
    Zones zones;
    @Autowired
    EnrollmentPlans plans;

    @BeforeEach
    void catalog() {
        ImportResult result = imports.importWorkbook(Workbooks.create()
                .schools(new Object[] {"T2P01", "青云谱第一小学", DISTRICT, "小学", "公办", "360104002001", "青云谱路1号", 115.92, 28.63},
                        new Object[] {"T2P02", "青云谱外国语学校", DISTRICT, "小学", "民办", "360104002002", "", "", ""},
                        new Object[] {"T2J01", "青云谱中学", DISTRICT, "初中", "公办", "360104002001", "", 115.921234, 28.631234})
                .zones(new Object[] {SEASON, "小学", "360104002001", "", "ZT2P1", "T2P01"},
                        new Object[] {SEASON, "小学", "360104002002", "", "ZT2P1", "T2P01"},
                        new Object[] {SEASON, "初中", "360104002001", "", "ZT2J1", "T2J01"})
                .plans(new Object[] {"T2P01", "", SEASON, 1, 4, 45, 171},
                        new Object[] {"T2P02", "", SEASON, 1, 2, 40, ""},
                        new Object[] {"T2J01", "", SEASON, 7, 8, 50, 353})
                .stream(), EDITOR, Locale.SIMPLIFIED_CHINESE);
        assertThat(result.problems()).isEmpty();
    }

    record Snapshot(List<School> schools, List<Zone> zones, List<EnrollmentPlan> plans) {
    }

    Snapshot snapshot() {
        return new Snapshot(schools.ofDistrict(DISTRICT), zones.ofDistrict(DISTRICT, SEASON),
                plans.ofDistrict(DISTRICT, SEASON));
    }

    @Test
    void an_exported_workbook_imports_to_the_same_catalog_in_both_languages() throws Exception {
        Snapshot before = snapshot();
        assertThat(before.schools()).hasSize(3);
        assertThat(before.zones()).hasSize(2);
        assertThat(before.plans()).hasSize(3);

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            byte[] workbook = export.workbook(DISTRICT, SEASON, locale);
            ImportResult result = imports.importWorkbook(new ByteArrayInputStream(workbook), EDITOR, locale);
            assertThat(result.problems()).as("problems re-importing the %s export", locale).isEmpty();
            assertThat(result).extracting(ImportResult::schools, ImportResult::zones, ImportResult::plans)
                    .containsExactly(3, 2, 3);
            assertThat(snapshot()).isEqualTo(before);
            assertThat(Workbooks.read(export.workbook(DISTRICT, SEASON, locale))).isEqualTo(Workbooks.read(workbook));
        }
    }

    @Test
    void the_export_reads_like_the_bureau_writes_it() throws Exception {
        var sheets = Workbooks.read(export.workbook(DISTRICT, SEASON, Locale.SIMPLIFIED_CHINESE));
        assertThat(sheets.keySet()).containsExactly("学校", "学区", "招生计划");
        assertThat(sheets.get("学校").get(0)).startsWith("学校代码", "学校名称", "区县代码", "学段", "办学性质");
        assertThat(sheets.get("学校")).anySatisfy(row -> assertThat(row).startsWith("T2P02", "青云谱外国语学校",
                DISTRICT, "小学", "民办"));
        assertThat(sheets.get("学区")).anySatisfy(row -> assertThat(row).containsExactly(
                String.valueOf(SEASON), "初中", "360104002001", "洪翔社区居委会", "ZT2J1", "T2J01"));
        assertThat(sheets.get("招生计划")).anySatisfy(row -> assertThat(row).containsExactly(
                "T2J01", "青云谱中学", String.valueOf(SEASON), "7", "8", "50", "353"));
    }

    @Test
    void an_edited_export_imports_the_edit() throws Exception {
        byte[] workbook = export.workbook(DISTRICT, SEASON, Locale.SIMPLIFIED_CHINESE);
        int row = Workbooks.read(workbook).get("招生计划").stream().map(r -> r.get(0)).toList().indexOf("T2P02") + 1;
        byte[] edited = Workbooks.withCell(workbook, "招生计划", row, 4, 3);

        ImportResult result = imports.importWorkbook(new ByteArrayInputStream(edited), EDITOR, Locale.SIMPLIFIED_CHINESE);

        assertThat(result.written()).isTrue();
        assertThat(plans.find("T2P02", SEASON, 1)).contains(new EnrollmentPlan("T2P02", SEASON, 1, 3, 40, 80));
    }
}
