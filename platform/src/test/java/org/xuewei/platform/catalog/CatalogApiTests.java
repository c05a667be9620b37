package org.xuewei.platform.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/districts/{code}/schools, zones, plans, workbook: public reading, scoped writing, problem details. */
@PlatformTest
class CatalogApiTests {

    static final int SEASON = 2034;
    static final String API = "/api/v1/districts/360102";
    static final String PLAN = API + "/plans/T4P01/" + SEASON + "/1";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CatalogImport imports;
    @Autowired
    EnrollmentPlans plans;

    StaffPrincipal admin;
    StaffPrincipal reviewer;
    StaffPrincipal otherAdmin;

    @BeforeEach
    void setUp() {
        admin = TestAccounts.ensure(accounts, "api-cat-admin-360102", StaffRole.DISTRICT_ADMIN, "360102", null);
        reviewer = TestAccounts.ensure(accounts, "api-cat-reviewer-360102", StaffRole.DISTRICT_REVIEWER, "360102", null);
        otherAdmin = TestAccounts.ensure(accounts, "api-cat-admin-360103", StaffRole.DISTRICT_ADMIN, "360103", null);
        ImportResult seeded = imports.importWorkbook(Workbooks.create()
                .schools(CatalogImportTests.school("T4P01", "小学", "公办", "360102002010"))
                .zones(CatalogImportTests.zone(SEASON, "小学", "360102002010", "ZT4P", "T4P01"))
                .plans(CatalogImportTests.plan("T4P01", SEASON, 1, 4, 45, null))
                .stream(), Editor.district("seed", "", "360102"), Locale.SIMPLIFIED_CHINESE);
        assertThat(seeded.problems()).isEmpty();
    }

    @Test
    void anyone_reads_schools_zones_and_plans() throws Exception {
        mvc.perform(get(API + "/schools")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("T4P01")));
        mvc.perform(get(API + "/schools/T4P01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("PRIMARY"))
                .andExpect(jsonPath("$.ownership").value("PUBLIC"))
                .andExpect(jsonPath("$.communityCode").value("360102002010"));
        mvc.perform(get(API + "/zones?season=" + SEASON)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("ZT4P"))
                .andExpect(jsonPath("$[0].schoolCodes[0]").value("T4P01"))
                .andExpect(jsonPath("$[0].communityCodes[0]").value("360102002010"));
        mvc.perform(get(API + "/plans?season=" + SEASON)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].seats").value(180));
    }

    @Test
    void unknown_districts_and_schools_answer_problems() throws Exception {
        mvc.perform(get("/api/v1/districts/999999/schools")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/districts/abc/schools")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("six digits")));
        mvc.perform(get(API + "/schools/NOPE")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("has no school NOPE")));
        mvc.perform(get("/api/v1/districts/360103/schools/T4P01")).andExpect(status().isNotFound());
    }

    @Test
    void the_district_admin_changes_a_plan() throws Exception {
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content("{\"classes\":5,\"classSize\":40}")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats").value(200));
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classes\":5,\"classSize\":40,\"seats\":190}").with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats").value(190));
        assertThat(plans.seats("T4P01", SEASON, 1)).isEqualTo(190);
    }

    @Test
    void a_bad_plan_is_refused_with_every_problem() throws Exception {
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content("{\"classes\":0,\"classSize\":60}")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problems[0].code").value("not-positive"))
                .andExpect(jsonPath("$.problems[1].code").value("over-cap"))
                .andExpect(jsonPath("$.problems[1].message").value("班额60超过小学每班45人的上限"));
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content("{}").with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(plans.seats("T4P01", SEASON, 1)).isEqualTo(180);
    }

    @Test
    void only_the_districts_admin_may_change_it() throws Exception {
        String body = "{\"classes\":5,\"classSize\":40}";
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content(body).with(user(otherAdmin)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put(PLAN).contentType(MediaType.APPLICATION_JSON).content(body).with(user(reviewer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(API + "/workbook").file(new MockMultipartFile("file", "c.xlsx", null,
                        Workbooks.create().bytes())).with(user(otherAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(plans.seats("T4P01", SEASON, 1)).isEqualTo(180);
    }

    @Test
    void a_workbook_round_trips_through_the_api() throws Exception {
        byte[] workbook = mvc.perform(get(API + "/workbook?season=" + SEASON)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart(API + "/workbook").file(new MockMultipartFile("file", "c.xlsx", null, workbook))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true));

        byte[] bad = Workbooks.create().plans(CatalogImportTests.plan("T4P01", SEASON, 1, 4, 45, 999)).bytes();
        mvc.perform(multipart(API + "/workbook").file(new MockMultipartFile("file", "bad.xlsx", null, bad))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].sheet").value("招生计划"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("G"))
                .andExpect(jsonPath("$.problems[0].code").value("seats-over-capacity"));
    }
}
