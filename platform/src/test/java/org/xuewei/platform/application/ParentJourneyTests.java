package org.xuewei.platform.application;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.registry.ExchangeStub;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parent's journey end to end over the platform's real HTTP stack against an exchange-like stub server with
 * records recorded from the exchange's demo city (season 2027).
 */
@PlatformTest
class ParentJourneyTests {

    // category 1 families (no planted case)
    static final String CAT1_FATHER = "360902198804119374";
    static final String CAT1_B_FATHER = "360111199307303215";
    // planted cases
    static final String CO_OWNER_FATHER = "360123198707175030";
    static final String DIVORCED_FATHER = "360302198404288918";
    static final String RECENT_FATHER = "360111199302244156";
    // category 5 (registered rental, hukou in the zone)
    static final String CAT5_FATHER = "360121199607194914";
    // category 1, 东湖区 (a district with private schools)
    static final String CAT1_C_FATHER = "360122198812050858";

    @Autowired
    MockMvc mvc;
    @Autowired
    Applications applications;
    @Autowired
    JdbcClient jdbc;

    static ExchangeStub stub;

    @BeforeAll
    static void exchange() {
        stub = ExchangeStub.shared();
    }

    @AfterEach
    void recover() {
        stub.recover();
    }

    static RequestPostProcessor parent(String idNumber) {
        return oidcLogin()
                .idToken(token -> token.subject("c" + idNumber.hashCode()).claim("id_number", idNumber).claim("name", "家长"))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    String childRef(String guardian) throws Exception {
        String json = mvc.perform(get("/api/v1/parent/children").with(parent(guardian)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$[0].ref");
    }

    String submit(String guardian, String ref, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(guardian)).with(csrf())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_category_1_family_checks_and_submits_without_typing_anything() throws Exception {
        String list = mvc.perform(get("/api/v1/parent/children").with(parent(CAT1_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].grade").value("G1"))
                .andExpect(jsonPath("$[0].maskedId").value("3601**********1732"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("360113202105311732");
        String ref = JsonPath.read(list, "$[0].ref");

        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CAT1_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.homes[0].kind").value("CERTIFICATE"))
                .andExpect(jsonPath("$.homes[0].schools[0].rank").value(1))
                .andExpect(jsonPath("$.homes[0].schools[0].explanation[0]").isString())
                .andExpect(jsonPath("$.problems.length()").value(0));

        String created = mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(CAT1_FATHER)).with(csrf())
                        .header("Idempotency-Key", "k-cat1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true}"))
                .andExpect(status().is2xxSuccessful()) // 201, or 200 if another test made it with the same key first
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.category").value("C1"))
                .andExpect(jsonPath("$.timeline.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        // the page shows the status with a timeline, labels from messages, the ID masked
        String page = mvc.perform(get("/parent/applications/{id}", id).with(parent(CAT1_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("核验通过", "已提交", "3601**********1732").doesNotContain("360113202105311732", "VERIFIED<");
        // who looked at whose data is in the audit log
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action like 'application.%'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void a_double_submit_makes_one_application() throws Exception {
        String ref = childRef(CAT1_B_FATHER);
        String first = submit(CAT1_B_FATHER, ref, "tap-1", "{\"consent\":true}");
        String again = submit(CAT1_B_FATHER, ref, "tap-1", "{\"consent\":true}");
        String other = submit(CAT1_B_FATHER, ref, "tap-2", "{\"consent\":true}");
        String id = JsonPath.read(first, "$.id");
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(id);
        assertThat((String) JsonPath.read(other, "$.id")).isEqualTo(id);
        assertThat((Boolean) JsonPath.read(again, "$.created")).isFalse();
        assertThat(jdbc.sql("select count(*) from application.application where child_id = :ref")
                .param("ref", UUID.fromString(ref)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_submit_right_after_the_check_then_again_with_the_key_or_another_makes_one_application() throws Exception {
        String ref = childRef(CAT1_B_FATHER);
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CAT1_B_FATHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(true));
        // (made by this submission, or by a_double_submit_makes_one_application's for the same child)
        String first = submit(CAT1_B_FATHER, ref, "after-check", "{\"consent\":true}");
        String again = submit(CAT1_B_FATHER, ref, "after-check", "{\"consent\":true}");
        String other = submit(CAT1_B_FATHER, ref, "after-check-2", "{\"consent\":true}");
        String id = JsonPath.read(first, "$.id");
        assertThat((String) JsonPath.read(first, "$.status")).isEqualTo("VERIFIED");
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(id);
        assertThat((String) JsonPath.read(other, "$.id")).isEqualTo(id);
        assertThat((Boolean) JsonPath.read(again, "$.created")).isFalse();
        assertThat(jdbc.sql("select count(*) from application.application where child_id = :ref")
                .param("ref", UUID.fromString(ref)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_planted_co_ownership_goes_to_review_with_its_reason() throws Exception {
        String ref = childRef(CO_OWNER_FATHER);
        String body = submit(CO_OWNER_FATHER, ref, "co-1", "{\"consent\":true}");
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("IN_REVIEW");
        assertThat((java.util.List<String>) JsonPath.read(body, "$.reasons")).contains("CO_OWNER_NON_DIRECT");
    }

    @Test
    void a_divorce_before_the_season_with_the_hukou_moved_goes_to_review() throws Exception {
        String ref = childRef(DIVORCED_FATHER);
        String body = submit(DIVORCED_FATHER, ref, "dv-1", "{\"consent\":true}");
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("IN_REVIEW");
        assertThat((java.util.List<String>) JsonPath.read(body, "$.reasons")).contains("DIVORCE_HUKOU_MOVED");
    }

    @Test
    void an_outage_takes_the_application_as_pending_then_verifies_it_after_recovery() throws Exception {
        String ref = childRef(RECENT_FATHER);
        stub.outage("property/");
        String body = submit(RECENT_FATHER, ref, "out-1", "{\"consent\":true}");
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("PENDING_VERIFICATION");
        String id = JsonPath.read(body, "$.id");

        assertThat(applications.reverifyNow(UUID.fromString(id))).isFalse(); // still down: stays pending
        applications.reverifyPending(); // the batch skips what it cannot decide and goes on
        assertThat(pending(id)).isTrue();
        stub.recover();
        // the scheduled re-verification may get there first; either way it is decided once the circuit closes again
        for (int i = 0; i < 20 && pending(id); i++) {
            Thread.sleep(150); // the circuit's open time in tests is 200 ms
            applications.reverifyNow(UUID.fromString(id));
        }

        mvc.perform(get("/api/v1/parent/applications/{id}", id).with(parent(RECENT_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.reasons[0]").value("RECENT_HUKOU_MOVE_IN"))
                .andExpect(jsonPath("$.timeline[1].status").value("PENDING_VERIFICATION"))
                .andExpect(jsonPath("$.timeline[2].status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.timeline[2].bySystem").value(true));
    }

    boolean pending(String id) {
        return "PENDING_VERIFICATION".equals(jdbc.sql("select status from application.application where id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single());
    }

    @Test
    void another_familys_child_or_application_is_not_found() throws Exception {
        String ref = childRef(CAT1_FATHER);
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CO_OWNER_FATHER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/parent/children/{ref}", ref).with(parent(CO_OWNER_FATHER)))
                .andExpect(status().isNotFound());
        String own = submit(CAT1_FATHER, ref, "k-cat1", "{\"consent\":true}");
        String id = JsonPath.read(own, "$.id");
        mvc.perform(get("/api/v1/parent/applications/{id}", id).with(parent(CO_OWNER_FATHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/parent/applications/{id}", id).with(parent(CO_OWNER_FATHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/parent/applications/{id}", UUID.randomUUID()).with(parent(CAT1_FATHER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_child_just_listed_and_checked_by_its_family_is_still_not_found_for_another() throws Exception {
        // the owner's listing and check keep the child's row in memory for the submission that follows
        String ref = childRef(CAT1_B_FATHER);
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CAT1_B_FATHER)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CO_OWNER_FATHER)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(CO_OWNER_FATHER)).with(csrf())
                        .header("Idempotency-Key", "k-not-mine").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from application.application where idempotency_key = 'k-not-mine'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_form_post_without_csrf_is_refused() throws Exception {
        String ref = childRef(CO_OWNER_FATHER);
        mvc.perform(post("/parent/children/{ref}/applications", ref).with(parent(CO_OWNER_FATHER))
                        .param("consent", "true").param("idempotencyKey", "no-csrf"))
                .andExpect(status().isForbidden());
    }

    @Test
    void consent_is_required_and_said_so() throws Exception {
        String ref = childRef(DIVORCED_FATHER);
        mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(DIVORCED_FATHER)).with(csrf())
                        .header("Idempotency-Key", "no-consent").contentType(MediaType.APPLICATION_JSON).content("{\"consent\":false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("application.error.consent"))
                .andExpect(jsonPath("$.detail").value("请先阅读并同意信息查询与使用说明。"));
    }

    @Test
    void a_script_tag_in_the_note_is_shown_as_text() throws Exception {
        String ref = childRef(CAT5_FATHER);
        // the page flow: check page, then the form post with the chosen options, then the status page
        String check = mvc.perform(get("/parent/children/{ref}", ref).with(parent(CAT5_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("租赁备案", "学位信息一键查");
        String location = mvc.perform(post("/parent/children/{ref}/applications", ref).with(parent(CAT5_FATHER)).with(csrf())
                        .param("consent", "true").param("idempotencyKey", "note-1")
                        .param("note", "<script>alert('x')</script>"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(parent(CAT5_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    @Test
    void a_parent_changes_the_application_and_the_timeline_keeps_the_history() throws Exception {
        String ref = childRef(CAT1_C_FATHER);
        String first = submit(CAT1_C_FATHER, ref, "amend-1", "{\"consent\":true}");
        String id = JsonPath.read(first, "$.id");
        String check = mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CAT1_C_FATHER)))
                .andReturn().getResponse().getContentAsString();
        java.util.List<String> privates = JsonPath.read(check, "$.privateSchools[*].code");
        org.junit.jupiter.api.Assumptions.assumeFalse(privates.isEmpty(), "no private school in this district");
        String amended = mvc.perform(put("/api/v1/parent/applications/{id}", id).with(parent(CAT1_C_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true,\"privateSchool\":\"" + privates.get(0) + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(amended, "$.id")).isEqualTo(id);
        assertThat((String) JsonPath.read(amended, "$.privateSchool")).isNotBlank();
        java.util.List<String> steps = JsonPath.read(amended, "$.timeline[*].status");
        assertThat(steps).filteredOn("SUBMITTED"::equals).hasSize(2);
        mvc.perform(put("/api/v1/parent/applications/{id}", id).with(parent(CO_OWNER_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"consent\":true}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_divorced_mother_adds_her_child_by_id_number_after_the_guardianship_check() throws Exception {
        String mother = "360302198410085447";
        mvc.perform(get("/api/v1/parent/children").with(parent(mother)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/parent/children").with(parent(mother)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"360113202103229057\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.maskedId").value("3601**********9057"))
                .andExpect(jsonPath("$.grade").value("G1"));
        // someone who is not the guardian learns nothing, whether the child exists or not
        String refused = mvc.perform(post("/api/v1/parent/children").with(parent(CAT5_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"360113202103229057\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("application.error.not-guardian"))
                .andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(post("/api/v1/parent/children").with(parent(CAT5_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"36010220210101001X\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(unknown, "$.detail")).isEqualTo(JsonPath.<String>read(refused, "$.detail"));
        mvc.perform(post("/api/v1/parent/children").with(parent(CAT5_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"360113202103229058\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("application.error.id-number"));
    }

    @Test
    void children_listed_again_a_moment_later_are_not_asked_of_the_registry_again_but_the_look_is_logged() throws Exception {
        String path = org.xuewei.platform.registry.exchange.ExchangeLookup.HOUSEHOLDS_OF_PERSON.path() + CAT5_FATHER;
        long logged = jdbc.sql("select count(*) from audit.audit_event where action = 'application.children.viewed'")
                .query(Long.class).single();
        String first = childRef(CAT5_FATHER);
        int asked = stub.calls(path);
        assertThat(asked).isPositive();
        assertThat(childRef(CAT5_FATHER)).isEqualTo(first);
        assertThat(stub.calls(path)).as("the hukou registry asked once within the reuse window").isEqualTo(asked);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'application.children.viewed'")
                .query(Long.class).single()).as("every look is in the access log").isEqualTo(logged + 2);
    }

    @Test
    void parents_must_sign_in() throws Exception {
        mvc.perform(get("/api/v1/parent/children")).andExpect(status().isUnauthorized());
        mvc.perform(get("/parent")).andExpect(status().is3xxRedirection());
    }

    @Test
    void the_children_page_shows_masked_id_numbers_only() throws Exception {
        String page = mvc.perform(get("/parent").with(parent(CAT1_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("3601**********1732").doesNotContain("360113202105311732");
    }
}
