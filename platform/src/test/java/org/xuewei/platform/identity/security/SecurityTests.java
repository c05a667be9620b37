package org.xuewei.platform.identity.security;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PlatformTest
class SecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    StaffPrincipal school;
    StaffPrincipal admin360102;
    StaffPrincipal reviewer360103;
    StaffPrincipal city;
    StaffPrincipal auditor;

    @BeforeEach
    void accounts() {
        school = TestAccounts.ensure(accounts, "sec-school", StaffRole.SCHOOL, "360102", "school-1");
        admin360102 = TestAccounts.ensure(accounts, "sec-admin-360102", StaffRole.DISTRICT_ADMIN, "360102", null);
        reviewer360103 = TestAccounts.ensure(accounts, "sec-reviewer-360103", StaffRole.DISTRICT_REVIEWER, "360103", null);
        city = TestAccounts.ensure(accounts, "sec-city", StaffRole.CITY_ADMIN, null, null);
        auditor = TestAccounts.ensure(accounts, "sec-auditor", StaffRole.AUDITOR, null, null);
    }

    @Test
    void anonymous_users_are_sent_to_the_login_page_from_the_console() throws Exception {
        mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console/district/360102")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void a_school_account_cannot_open_a_district_admin_page() throws Exception {
        mvc.perform(get("/console/district/360103").with(user(school))).andExpect(status().isForbidden());
        mvc.perform(get("/console/district/360102").with(user(school))).andExpect(status().isForbidden());
    }

    @Test
    void district_staff_open_only_their_own_district() throws Exception {
        mvc.perform(get("/console/district/360102").with(user(admin360102))).andExpect(status().isOk())
                .andExpect(content().string(containsString("东湖区")));
        mvc.perform(get("/console/district/360103").with(user(admin360102))).andExpect(status().isForbidden());
        mvc.perform(get("/console/district/360103").with(user(reviewer360103))).andExpect(status().isOk());
        mvc.perform(get("/console/district/360102/anything").with(user(reviewer360103)))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_city_administrator_opens_every_district_and_the_audit_log() throws Exception {
        mvc.perform(get("/console/district/360124").with(user(city))).andExpect(status().isOk())
                .andExpect(content().string(containsString("进贤县")));
        mvc.perform(get("/console/district/999999").with(user(city))).andExpect(status().isNotFound());
        mvc.perform(get("/console/audit").with(user(city))).andExpect(status().isOk());
    }

    @Test
    void only_auditors_and_the_city_read_the_audit_log() throws Exception {
        mvc.perform(get("/console/audit").with(user(auditor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("哈希链完整")));
        mvc.perform(get("/console/audit").with(user(admin360102))).andExpect(status().isForbidden());
        mvc.perform(get("/console/district/360102").with(user(auditor))).andExpect(status().isForbidden());
    }

    @Test
    void the_console_home_shows_what_the_role_can_do() throws Exception {
        mvc.perform(get("/console").with(user(admin360102))).andExpect(status().isOk())
                .andExpect(content().string(containsString("区县教育局管理员")))
                .andExpect(content().string(containsString("/console/district/360102")))
                .andExpect(content().string(containsString("暂未开放")));
        mvc.perform(get("/console").with(user(school))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/console/district/"))));
    }

    @Test
    void a_login_without_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/login").param("username", "sec-admin-360102").param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "sec-admin-360102").param("password", TestAccounts.PASSWORD)
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    @Test
    void a_right_password_signs_in_and_is_audited() throws Exception {
        long before = auditCount("identity.login.succeeded", "sec-city");
        mvc.perform(post("/login").param("username", "sec-city").param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console"));
        assertThat(auditCount("identity.login.succeeded", "sec-city")).isEqualTo(before + 1);
    }

    @Test
    void a_wrong_password_shows_a_localized_error_and_writes_only_the_audit_event() throws Exception {
        long accountsBefore = jdbc.sql("select count(*) from identity.staff_account").query(Long.class).single();
        long failuresBefore = auditCount("identity.login.failed", "sec-admin-360102");
        mvc.perform(post("/login").param("username", "sec-admin-360102").param("password", "wrong-password-123")
                        .with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error")).andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名或密码错误")));
        mvc.perform(get("/login?error").cookie(new Cookie("XUEWEI_LANG", "en"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wrong username or password")));
        assertThat(jdbc.sql("select count(*) from identity.staff_account").query(Long.class).single())
                .isEqualTo(accountsBefore);
        assertThat(auditCount("identity.login.failed", "sec-admin-360102")).isEqualTo(failuresBefore + 1);
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
        mvc.perform(post("/login").param("username", "nobody-here").param("password", "whatever-123456").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void repeated_failures_block_further_attempts_even_with_the_right_password() throws Exception {
        TestAccounts.ensure(accounts, "sec-throttled", StaffRole.AUDITOR, null, null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", "sec-throttled").param("password", "wrong-password-" + i)
                    .with(csrf())).andExpect(status().isFound());
        }
        mvc.perform(post("/login").param("username", "sec-throttled").param("password", TestAccounts.PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/login?blocked"));
        mvc.perform(get("/login?blocked")).andExpect(content().string(containsString("登录失败次数过多，请 15 分钟后再试")));
        assertThat(auditCount("identity.login.blocked", "sec-throttled")).isPositive();
    }

    @Test
    void logout_ends_the_session() throws Exception {
        mvc.perform(post("/logout").with(user(admin360102)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void pages_carry_strict_security_headers() throws Exception {
        mvc.perform(get("/").secure(true))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private long auditCount(String action, String actor) {
        return jdbc.sql("select count(*) from audit.audit_event where action = :action and actor = :actor")
                .param("action", action).param("actor", actor).query(Long.class).single();
    }
}
