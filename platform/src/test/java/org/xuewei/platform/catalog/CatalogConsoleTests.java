package org.xuewei.platform.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The district catalog page: who sees it, who edits, the htmx plan edit, the workbook download and upload. */
@PlatformTest
class CatalogConsoleTests {

    static final int SEASON = 2033;
    static final String PAGE = "/console/district/360102/catalog?season=" + SEASON;
    static final String PLAN = "/console/district/360102/catalog/plans/T3P01/" + SEASON + "/1";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CatalogImport imports;
    @Autowired
    EnrollmentPlans plans;
    @Autowired
    AuditLog audit;

    StaffPrincipal admin;
    StaffPrincipal reviewer;
    StaffPrincipal otherAdmin;
    StaffPrincipal city;

    @BeforeEach
    void setUp() {
        admin = TestAccounts.ensure(accounts, "cat-admin-360102", StaffRole.DISTRICT_ADMIN, "360102", null);
        reviewer = TestAccounts.ensure(accounts, "cat-reviewer-360102", StaffRole.DISTRICT_REVIEWER, "360102", null);
        otherAdmin = TestAccounts.ensure(accounts, "cat-admin-360103", StaffRole.DISTRICT_ADMIN, "360103", null);
        city = TestAccounts.ensure(accounts, "cat-city", StaffRole.CITY_ADMIN, null, null);
        ImportResult seeded = imports.importWorkbook(Workbooks.create()
                .schools(CatalogImportTests.school("T3P01", "小学", "公办", "360102002007"),
                        CatalogImportTests.school("T3J01", "初中", "公办", "360102002008"))
                .zones(CatalogImportTests.zone(SEASON, "小学", "360102002007", "ZT3P", "T3P01"),
                        CatalogImportTests.zone(SEASON, "小学", "360102002008", "ZT3P", "T3P01"))
                .plans(CatalogImportTests.plan("T3P01", SEASON, 1, 4, 45, null),
                        CatalogImportTests.plan("T3J01", SEASON, 7, 6, 50, null))
                .stream(), Editor.district("seed", "", "360102"), Locale.SIMPLIFIED_CHINESE);
        assertThat(seeded.problems()).isEmpty();
    }

    @Test
    void the_district_admin_sees_schools_plans_and_zone_counts_with_edit_forms() throws Exception {
        mvc.perform(get(PAGE).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("东湖区：学校、学区与招生计划")))
                .andExpect(content().string(containsString("T3P01学校")))
                .andExpect(content().string(containsString("4个班×45人，计划180人")))
                .andExpect(content().string(containsString("hx-post=\"" + PLAN + "\"")))
                .andExpect(content().string(containsString("id=\"workbook-upload\"")))
                .andExpect(content().string(not(containsString("id=\"catalog-readonly\""))));
    }

    @Test
    void the_page_speaks_english_when_asked() throws Exception {
        mvc.perform(get(PAGE + "&lang=en").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("schools, zones and enrollment plans")))
                .andExpect(content().string(containsString("4 classes × 45, 180 seats")));
    }

    @Test
    void a_reviewer_sees_but_cannot_change() throws Exception {
        mvc.perform(get(PAGE).with(user(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"catalog-readonly\"")))
                .andExpect(content().string(not(containsString("hx-post"))))
                .andExpect(content().string(not(containsString("id=\"workbook-upload\""))));
        mvc.perform(post(PLAN).param("classes", "5").param("classSize", "45").with(user(reviewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/console/district/360102/catalog/workbook")
                        .file(new MockMultipartFile("file", "c.xlsx", null, Workbooks.create().bytes()))
                        .with(user(reviewer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(plans.seats("T3P01", SEASON, 1)).isEqualTo(180);
    }

    @Test
    void another_districts_admin_cannot_open_or_change_it() throws Exception {
        mvc.perform(get(PAGE).with(user(otherAdmin))).andExpect(status().isForbidden());
        mvc.perform(post(PLAN).param("classes", "5").param("classSize", "45").with(user(otherAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(plans.seats("T3P01", SEASON, 1)).isEqualTo(180);
    }

    @Test
    void the_admin_edits_a_plan_inline_and_it_is_audited() throws Exception {
        mvc.perform(post(PLAN).param("classes", "5").param("classSize", "44").header("HX-Request", "true")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr id=\"school-T3P01\"")))
                .andExpect(content().string(containsString("5个班×44人，计划220人")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(plans.seats("T3P01", SEASON, 1)).isEqualTo(220);
        assertThat(audit.latest(10)).anySatisfy(r -> {
            assertThat(r.entry().actor()).isEqualTo("cat-admin-360102");
            assertThat(r.entry().action()).isEqualTo("catalog.plan.changed");
            assertThat(r.entry().detail()).contains("from 4x45=180", "to 5x44=220");
        });
    }

    @Test
    void a_bad_plan_edit_says_what_to_fix_and_changes_nothing() throws Exception {
        mvc.perform(post(PLAN).param("classes", "4").param("classSize", "46").header("HX-Request", "true")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("班额46超过小学每班45人的上限")));
        assertThat(plans.find("T3P01", SEASON, 1)).hasValueSatisfying(p -> assertThat(p.classSize()).isNotEqualTo(46));
    }

    @Test
    void the_city_admin_edits_any_district() throws Exception {
        mvc.perform(post("/console/district/360102/catalog/plans/T3J01/" + SEASON + "/7").param("classes", "7")
                        .param("classSize", "50").with(user(city)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(plans.seats("T3J01", SEASON, 7)).isEqualTo(350);
    }

    @Test
    void the_workbook_downloads_and_an_upload_shows_the_row_level_report() throws Exception {
        byte[] workbook = mvc.perform(get("/console/district/360102/catalog/workbook?season=" + SEASON)
                        .with(user(reviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", CatalogConsoleControllerTypes.XLSX))
                .andExpect(header().string("Content-Disposition", containsString("catalog-360102-" + SEASON + ".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Workbooks.read(workbook).get("招生计划")).anySatisfy(row -> assertThat(row).startsWith("T3P01"));

        byte[] bad = Workbooks.create().plans(CatalogImportTests.plan("T3P01", SEASON, 1, 0, 45, null),
                CatalogImportTests.plan("T3NOPE", SEASON, 1, 2, 45, null)).bytes();
        mvc.perform(multipart("/console/district/360102/catalog/workbook?season=" + SEASON)
                        .file(new MockMultipartFile("file", "bad.xlsx", null, bad)).with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入未执行：发现2处问题")))
                .andExpect(content().string(containsString("招生计划!E2")))
                .andExpect(content().string(containsString("招生计划!A3")))
                .andExpect(content().string(containsString("学校代码“T3NOPE”不存在")));

        byte[] good = Workbooks.create().plans(CatalogImportTests.plan("T3P01", SEASON, 1, 3, 45, null)).bytes();
        mvc.perform(multipart("/console/district/360102/catalog/workbook?season=" + SEASON)
                        .file(new MockMultipartFile("file", "good.xlsx", null, good)).with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入成功：学校0所，学区0个，招生计划1条")));
        assertThat(plans.seats("T3P01", SEASON, 1)).isEqualTo(135);
    }

    /** The workbook's media type as the console and API send it. */
    static final class CatalogConsoleControllerTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
