package org.xuewei.platform.admission;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console in the platform as it is: with no application in a season it says so, and refuses to run. */
@PlatformTest
class AdmissionConsoleTests {

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;

    @Test
    void without_applications_the_console_says_none_exist_and_a_run_is_refused() throws Exception {
        StaffPrincipal admin = TestAccounts.ensure(accounts, "adm-console-admin", StaffRole.DISTRICT_ADMIN, "360111", null);
        // the application module provides applications now; a season nobody applied for has none
        mvc.perform(get("/console/district/360111/admission").param("season", "2031").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报名 0 人，其中未完成核验 0 人。")));
        mvc.perform(post("/console/district/360111/admission/dry-run").param("season", "2031").param("grade", "1")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "admission.refused.no-applications"));
    }

    @Test
    void only_the_districts_own_staff_reach_the_console_and_reviewers_cannot_draw() throws Exception {
        StaffPrincipal other = TestAccounts.ensure(accounts, "adm-console-other", StaffRole.DISTRICT_ADMIN, "360112", null);
        mvc.perform(get("/console/district/360111/admission").with(user(other))).andExpect(status().isForbidden());
        StaffPrincipal reviewer = TestAccounts.ensure(accounts, "adm-console-reviewer", StaffRole.DISTRICT_REVIEWER,
                "360111", null);
        mvc.perform(post("/console/district/360111/admission/draws").param("season", "2027").param("grade", "1")
                .with(user(reviewer)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/console/district/360111/admission")).andExpect(status().is3xxRedirection());
    }

    @Test
    void draw_and_notice_pages_are_public_and_unknown_ones_are_not_found() throws Exception {
        mvc.perform(get("/draws")).andExpect(status().isOk()).andExpect(content().string(containsString("公开摇号")));
        mvc.perform(get("/draws/nope")).andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + "a".repeat(32)).param("m", "b".repeat(32))).andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到")));
    }
}
