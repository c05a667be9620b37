package org.xuewei.platform.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.audit.AuditRecord;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook import: a good workbook is written and audited; any bad row ⇒ nothing written, every row reported. */
@PlatformTest
class CatalogImportTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final int SEASON = 2031;
    static final Editor DONGHU = Editor.district("catalog-import-admin", "127.0.0.1", "360102");

    @Autowired
    CatalogImport imports;
    @Autowired
    Schools schools;
    @Autowired
    Zones zones;
    @Autowired
    EnrollmentPlans plans;
    @Autowired
    AuditLog audit;

    @Test
    void a_good_workbook_is_written_and_audited() {
        Workbooks workbook = Workbooks.create()
                .schools(school("T1P01", "小学", "公办", "360102002001"),
                        school("T1P02", "小学", "公办", "360102002002"),
                        school("T1J01", "初中", "公办", "360102002004"),
                        school("T1P03", "PRIMARY", "民办", "360102002004"))
                .zones(zone(SEASON, "小学", "360102002001", "ZT1P1", "T1P01、T1P02"),
                        zone(SEASON, "小学", "360102002002", "ZT1P1", "T1P02,T1P01"),
                        zone(SEASON, "初中", "360102002001", "ZT1J1", "T1J01"))
                .plans(plan("T1P01", SEASON, 1, 4, 45, null),
                        plan("T1P02", SEASON, 1, 3, 40, 100),
                        plan("T1J01", SEASON, 7, 6, 50, null),
                        plan("T1P03", SEASON, 1, 2, 45, null));

        ImportResult result = imports.importWorkbook(workbook.stream(), DONGHU, ZH);

        assertThat(result.problems()).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(result).extracting(ImportResult::schools, ImportResult::zones, ImportResult::plans)
                .containsExactly(4, 2, 4);
        assertThat(schools.find("T1P03")).hasValueSatisfying(s -> {
            assertThat(s.isPrivate()).isTrue();
            assertThat(s.stage()).isEqualTo(SchoolStage.PRIMARY);
            assertThat(s.lon()).isEqualTo(115.9);
        });
        assertThat(zones.schoolsFor("360102002001", SchoolStage.PRIMARY, SEASON)).extracting(School::code)
                .containsExactly("T1P01", "T1P02");
        assertThat(zones.zoneOf("360102002002", SchoolStage.PRIMARY, SEASON))
                .hasValueSatisfying(z -> assertThat(z.multiSchool()).isTrue());
        assertThat(zones.schoolsFor("360102002001", SchoolStage.JUNIOR, SEASON)).extracting(School::code)
                .containsExactly("T1J01");
        assertThat(plans.seats("T1P01", SEASON, 1)).isEqualTo(180);
        assertThat(plans.seats("T1P02", SEASON, 1)).isEqualTo(100);
        assertThat(plans.find("T1J01", SEASON, 7)).contains(new EnrollmentPlan("T1J01", SEASON, 7, 6, 50, 300));
        assertThat(plans.seats("T1J01", SEASON, 1)).isZero();
        assertThat(schools.privateSchools("360102", SchoolStage.PRIMARY)).extracting(School::code).contains("T1P03")
                .doesNotContain("T1P01");
        AuditRecord last = audit.latest(20).stream()
                .filter(r -> r.entry().actor().equals("catalog-import-admin")).findFirst().orElseThrow();
        assertThat(last.entry().action()).isEqualTo("catalog.workbook.imported");
        assertThat(last.entry().subject()).isEqualTo("district 360102");
        assertThat(last.entry().detail()).contains("schools=4", "plans=4");
    }

    @Test
    void a_zones_sheet_replaces_the_zones_of_its_season_district_and_stage() {
        imports.importWorkbook(Workbooks.create()
                .schools(school("T1R01", "小学", "公办", "360102002005"), school("T1R02", "小学", "公办", "360102002006"))
                .zones(zone(SEASON + 10, "小学", "360102002005", "ZR1", "T1R01"),
                        zone(SEASON + 10, "小学", "360102002006", "ZR1", "T1R01")).stream(), DONGHU, ZH);
        ImportResult second = imports.importWorkbook(Workbooks.create()
                .zones(zone(SEASON + 10, "小学", "360102002006", "ZR2", "T1R02")).stream(), DONGHU, ZH);

        assertThat(second.written()).isTrue();
        assertThat(zones.ofDistrict("360102", SEASON + 10)).extracting(Zone::code).containsExactly("ZR2");
        assertThat(zones.schoolsFor("360102002005", SchoolStage.PRIMARY, SEASON + 10)).isEmpty();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                bad("unknown school", Workbooks.create().plans(plan("T1NOPE", SEASON, 1, 2, 45, null)),
                        "unknown-school", "招生计划", 2, "A"),
                bad("unknown community (school)", Workbooks.create().schools(school("T1B02", "小学", "公办", "360102999999")),
                        "unknown-community", "学校", 3, "F"),
                bad("unknown community (zone)", Workbooks.create().zones(zone(SEASON, "小学", "360102999999", "Z9", "T1B03")),
                        "unknown-community", "学区", 2, "C"),
                bad("duplicate school row", Workbooks.create().schools(school("T1B04", "小学", "公办", "360102002001"),
                        school("T1B04", "小学", "公办", "360102002001")), "duplicate", "学校", 4, "A"),
                bad("duplicate plan row", Workbooks.create().plans(plan("T1B05", SEASON, 1, 2, 45, null),
                        plan("T1B05", SEASON, 1, 3, 45, null)), "duplicate", "招生计划", 3, "A"),
                bad("negative classes", Workbooks.create().plans(plan("T1B06", SEASON, 1, -1, 45, null)),
                        "not-positive", "招生计划", 2, "E"),
                bad("zero classes", Workbooks.create().plans(plan("T1B07", SEASON, 1, 0, 45, null)),
                        "not-positive", "招生计划", 2, "E"),
                bad("primary class over 45", Workbooks.create().plans(plan("T1B08", SEASON, 1, 4, 46, null)),
                        "over-cap", "招生计划", 2, "F"),
                bad("district the user may not edit", Workbooks.create()
                        .schools(new Object[] {"T1W09", "西湖小学", "360103", "小学", "公办", "360103001001", "", "", ""}),
                        "district-not-editable", "学校", 3, "C"),
                bad("zone in a district the user may not edit", Workbooks.create()
                        .zones(zone(SEASON, "小学", "360103001001", "Z9", "T1B10")), "district-not-editable", "学区", 2, "C"),
                bad("unknown district", Workbooks.create()
                        .schools(new Object[] {"T1W11", "某小学", "369999", "小学", "公办", "360102002001", "", "", ""}),
                        "unknown-district", "学校", 3, "C"),
                bad("bad stage", Workbooks.create().schools(school("T1B12", "高中", "公办", "360102002001")),
                        "bad-stage", "学校", 3, "D"),
                bad("classes not a number", Workbooks.create().plans(plan("T1B13", SEASON, 1, "四", 45, null)),
                        "not-a-whole-number", "招生计划", 2, "E"),
                bad("grade of the other stage", Workbooks.create().schools(school("T1B14", "小学", "公办", "360102002001"))
                                .plans(plan("T1B14", SEASON, 7, 4, 45, null)),
                        "grade-stage-mismatch", "招生计划", 2, "D"),
                bad("seats over classes × class size", Workbooks.create().plans(plan("T1B15", SEASON, 1, 2, 45, 91)),
                        "seats-over-capacity", "招生计划", 2, "G"),
                bad("junior school in a primary zone", Workbooks.create()
                        .schools(school("T1J16", "初中", "公办", "360102002001"))
                        .zones(zone(SEASON, "小学", "360102002001", "Z16", "T1J16")), "school-stage-mismatch", "学区", 2, "F"),
                bad("zone rows that disagree", Workbooks.create()
                        .schools(school("T1C17", "小学", "公办", "360102002002"), school("T1C18", "小学", "公办", "360102002001"))
                        .zones(zone(SEASON, "小学", "360102002001", "Z17", "T1C17"),
                                zone(SEASON, "小学", "360102002002", "Z17", "T1C18")), "zone-inconsistent", "学区", 3, "F"),
                bad("bad season", Workbooks.create().plans(plan("T1B18", 27, 1, 2, 45, null)),
                        "bad-season", "招生计划", 2, "C"),
                bad("missing name", Workbooks.create()
                        .schools(new Object[] {"T1B19X", "", "360102", "小学", "公办", "360102002001", "", "", ""}),
                        "required", "学校", 3, "B"));
    }

    /** Each case: a good school on row 2 of 学校 (T1B + n) plus the bad row(s). */
    static Arguments bad(String name, Workbooks workbook, String code, String sheet, int row, String column) {
        return Arguments.of(name, workbook, code, sheet, row, column);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void a_bad_row_is_reported_where_it_is_and_nothing_is_written(String name, Workbooks bad, String code,
            String sheet, int row, String column) {
        String good = "T1G" + Integer.toHexString(name.hashCode());
        Workbooks workbook = Workbooks.create().schools(school(good, "小学", "公办", "360102002001"));
        // the case's own rows come after the good school, in their sheets
        byte[] bytes = merge(workbook, bad);

        ImportResult result = imports.importWorkbook(new ByteArrayInputStream(bytes), DONGHU, ZH);

        assertThat(result.written()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.sheet()).isEqualTo(sheet);
            assertThat(p.row()).isEqualTo(row);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).isNotBlank().doesNotContain("catalog.problem");
        });
        assertThat(schools.find(good)).isEmpty();
    }

    @Test
    void every_bad_row_is_listed_not_only_the_first() {
        ImportResult result = imports.importWorkbook(Workbooks.create()
                .schools(school("T1M01", "小学", "公办", "360102002001"))
                .plans(plan("T1M01", SEASON, 1, 0, 45, null), plan("T1M01", SEASON + 1, 1, 4, 60, null),
                        plan("T1NOPE", SEASON, 1, 2, 45, null)).stream(), DONGHU, ZH);

        assertThat(result.written()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::location)
                .containsExactly("招生计划!E2", "招生计划!F3", "招生计划!A4");
        assertThat(result.problems().get(1).message()).isEqualTo("班额60超过小学每班45人的上限");
        assertThat(schools.find("T1M01")).isEmpty();
    }

    @Test
    void a_school_of_another_district_cannot_be_changed_or_planned() {
        Editor city = Editor.city("catalog-import-city", "");
        assertThat(imports.importWorkbook(Workbooks.create()
                .schools(new Object[] {"T1W20", "西湖小学", "360103", "小学", "公办", "360103001001", "", "", ""})
                .stream(), city, ZH).written()).isTrue();

        ImportResult result = imports.importWorkbook(Workbooks.create()
                .schools(new Object[] {"T1W20", "改名小学", "360102", "小学", "公办", "360102002001", "", "", ""})
                .plans(plan("T1W20", SEASON, 1, 2, 45, null)).stream(), DONGHU, ZH);

        assertThat(result.written()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("school-not-editable", "学校!A2"),
                        org.assertj.core.groups.Tuple.tuple("district-not-editable", "招生计划!A2"));
        assertThat(schools.find("T1W20")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("西湖小学"));
    }

    @Test
    void problems_are_in_english_when_asked() {
        ImportResult result = imports.importWorkbook(Workbooks.create()
                .plans(plan("T1NOPE", SEASON, 1, 2, 45, null)).stream(), DONGHU, Locale.ENGLISH);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Plans");
            assertThat(p.columnName()).isEqualTo("School code");
            assertThat(p.message()).startsWith("School code “T1NOPE” does not exist");
        });
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused() {
        ImportResult result = imports.importWorkbook(new ByteArrayInputStream("学校,代码".getBytes()), DONGHU, ZH);
        assertThat(result.written()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::code).containsExactly("unreadable-workbook");

        ImportResult noSheets = imports.importWorkbook(Workbooks.create().sheet("Sheet1", new Object[] {"x"}).stream(),
                DONGHU, ZH);
        assertThat(noSheets.problems()).extracting(ImportProblem::code).containsExactly("no-sheets");
    }

    @Test
    void a_plan_change_goes_through_the_same_checks() {
        imports.importWorkbook(Workbooks.create().schools(school("T1E01", "小学", "公办", "360102002001")).stream(),
                DONGHU, ZH);
        assertThat(imports.changePlan("T1E01", SEASON, 1, 5, 45, null, DONGHU, ZH).written()).isTrue();
        assertThat(plans.seats("T1E01", SEASON, 1)).isEqualTo(225);

        ImportResult refused = imports.changePlan("T1E01", SEASON, 1, 5, 50, null, DONGHU, ZH);
        assertThat(refused.problems()).extracting(ImportProblem::code).containsExactly("over-cap");
        assertThat(plans.seats("T1E01", SEASON, 1)).isEqualTo(225);
        assertThat(audit.latest(5)).anySatisfy(r -> {
            assertThat(r.entry().action()).isEqualTo("catalog.plan.changed");
            assertThat(r.entry().detail()).contains("T1E01 2031 G1", "to 5x45=225");
        });
    }

    static Object[] school(String code, String stage, String ownership, String community) {
        return new Object[] {code, code + "学校", community.substring(0, 6), stage, ownership, community,
                "南昌市某路1号", 115.9, 28.68};
    }

    static Object[] zone(int season, String stage, String community, String zone, String schools) {
        return new Object[] {season, stage, community, "", zone, schools};
    }

    static Object[] plan(String school, int season, int grade, Object classes, int classSize, Integer seats) {
        return new Object[] {school, "", season, grade, classes, classSize, seats};
    }

    private static byte[] merge(Workbooks first, Workbooks second) {
        return first.mergedWith(second).bytes();
    }

}
