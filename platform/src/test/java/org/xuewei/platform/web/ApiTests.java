package org.xuewei.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PlatformTest
class ApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;

    @Test
    void lists_the_nine_districts() throws Exception {
        mvc.perform(get("/api/v1/districts")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(9)))
                .andExpect(jsonPath("$[0].code").value("360102"))
                .andExpect(jsonPath("$[0].name").value("东湖区"))
                .andExpect(jsonPath("$[8].code").value("360124"));
    }

    @Test
    void an_unknown_district_is_a_problem_that_says_what_to_fix() throws Exception {
        mvc.perform(get("/api/v1/districts/999999")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", containsString("GET /api/v1/districts")));
        mvc.perform(get("/api/v1/districts/abc")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("six digits")));
    }

    @Test
    void an_anonymous_api_call_gets_401_problem_json_not_a_redirect() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail", containsString("/login")));
    }

    @Test
    void a_signed_in_staff_member_reads_their_account() throws Exception {
        StaffPrincipal reviewer = TestAccounts.ensure(accounts, "api-reviewer", StaffRole.DISTRICT_REVIEWER, "360111", null);
        mvc.perform(get("/api/v1/me").with(user(reviewer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("api-reviewer"))
                .andExpect(jsonPath("$.role").value("DISTRICT_REVIEWER"))
                .andExpect(jsonPath("$.districtCode").value("360111"));
        mvc.perform(get("/api/v1/no-such-endpoint").with(user(reviewer))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("/v3/api-docs")));
    }

    @Test
    void the_openapi_description_lists_the_api() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/districts']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }
}
