package org.xuewei.platform.application;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.registry.ExchangeStub;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 随迁子女: a parent whose 户籍 is outside the city has no household in the exchange; the child is found through the
 * birth registry (出生医学证明) and the one-click check judges category 7 on the parents' residence permit and
 * social insurance.
 */
@PlatformTest
class MigrantChildTests {

    static final String MIGRANT_FATHER = "430102199003151234";
    static final String MIGRANT_CHILD = "43010220210410137X";
    /** 随迁子女 whose family has a residence permit in a zone and no registered rental. */
    static final String PERMIT_ONLY_FATHER = "510104198811223337";
    /** 随迁子女 whose family has neither a residence permit nor a rental: no address in the city. */
    static final String NO_ADDRESS_FATHER = "520102198709014511";
    /** 随迁子女 (residence permit and social insurance): a family no other test applies for. */
    static final String CHECKED_FATHER = "530102198703034513";

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void exchange() {
        ExchangeStub.shared();
    }

    static RequestPostProcessor parent(String idNumber) {
        return oidcLogin()
                .idToken(token -> token.subject("m" + idNumber.hashCode()).claim("id_number", idNumber).claim("name", "家长"))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    @Test
    void a_migrant_parent_sees_the_child_from_the_birth_registry_and_checks_category_7() throws Exception {
        String list = mvc.perform(get("/api/v1/parent/children").with(parent(MIGRANT_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].grade").value("G1"))
                .andExpect(jsonPath("$[0].maskedId").value("4301**********137X"))
                .andExpect(jsonPath("$[0].foundIn").value("BIRTH"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(MIGRANT_CHILD);
        String ref = JsonPath.read(list, "$[0].ref");

        String check = mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(MIGRANT_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andReturn().getResponse().getContentAsString();
        List<String> registries = JsonPath.read(check, "$.registries[*].registry");
        assertThat(registries).contains("出生医学证明");
        List<String> categories = JsonPath.read(check, "$.homes[*].schools[*].category");
        assertThat(categories).isNotEmpty().contains("第7类生源（随迁子女）");
        List<String> problems = JsonPath.read(check, "$.problems[*]");
        assertThat(problems).doesNotContain("MISSING_CHILD_HUKOU");
    }

    /**
     * The root cause of the living demo's "no zoned home" refusals: a migrant family whose only address in the city
     * is the one on its residence permit (about 40% of category 7 have no registered rental) had no home to apply
     * with, because the permit's address was dropped.
     */
    @Test
    void the_residence_permit_address_is_a_home_to_apply_with() throws Exception {
        String ref = onlyChild(PERMIT_ONLY_FATHER);
        String check = mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(PERMIT_ONLY_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.homes.length()").value(1))
                .andExpect(jsonPath("$.homes[0].kind").value("PERMIT"))
                .andExpect(jsonPath("$.homes[0].address").value("江西省南昌市新建区冠山管理处红谷大道97号凤凰小区3栋2单元301室"))
                .andExpect(jsonPath("$.homes[0].schools[0].code").value("360112P009"))
                .andExpect(jsonPath("$.homes[0].schools[0].category").value("第7类生源（随迁子女）"))
                .andReturn().getResponse().getContentAsString();
        assertThat(check).contains("PERMIT");

        mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(PERMIT_ONLY_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "permit-home-1").content("{\"consent\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.homeAddress").value(org.hamcrest.Matchers.startsWith("M:")))
                .andExpect(jsonPath("$.publicSchool").isNotEmpty());

        String page = mvc.perform(get("/parent/children/{ref}", ref).with(parent(PERMIT_ONLY_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("居住证地址").doesNotContain("id=\"no-zoned-home\"");
    }

    /** A family with no address in the city gets what to do (统筹 by the district, a residence permit), no bare refusal. */
    @Test
    void a_family_without_any_address_is_told_what_to_do() throws Exception {
        String ref = onlyChild(NO_ADDRESS_FATHER);
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(NO_ADDRESS_FATHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.homes.length()").value(0));

        String page = mvc.perform(get("/parent/children/{ref}", ref).with(parent(NO_ADDRESS_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"no-zoned-home\"").contains("统筹安排学位").contains("办理居住证")
                .doesNotContain("id=\"submit\"").doesNotContain("id=\"no-problems\"");
        String english = mvc.perform(get("/parent/children/{ref}", ref).param("lang", "en").with(parent(NO_ADDRESS_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("education bureau of the district where you live");

        mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(NO_ADDRESS_FATHER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "no-address-1").content("{\"consent\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("application.error.no-home"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("统筹安排学位")));
    }

    /**
     * A check's answers serve the one submission that follows it and are then dropped (not kept for minutes with a
     * minor's family facts): a change made afterwards is judged on answers asked again.
     */
    @Test
    void once_a_check_served_its_submission_a_change_asks_the_registries_again() throws Exception {
        String ref = onlyChild(CHECKED_FATHER);
        mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(CHECKED_FATHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.complete").value(true));
        String created = mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(CHECKED_FATHER))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "checked-1").content("{\"consent\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int asked = askedAbout(CHECKED_FATHER);
        assertThat(asked).as("the check asked the registries about the guardian").isPositive();
        mvc.perform(put("/api/v1/parent/applications/{id}", (String) JsonPath.read(created, "$.id"))
                        .with(parent(CHECKED_FATHER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true,\"note\":\"补充说明\"}"))
                .andExpect(status().isOk());
        assertThat(askedAbout(CHECKED_FATHER)).as("look-ups about the guardian once the change was made").isGreaterThan(asked);
    }

    /** The look-ups about this person the registries were asked, all registries together. */
    private static int askedAbout(String idNumber) {
        return java.util.Arrays.stream(org.xuewei.platform.registry.exchange.ExchangeLookup.values())
                .mapToInt(lookup -> ExchangeStub.shared().calls(lookup.path() + idNumber)).sum();
    }

    private String onlyChild(String father) throws Exception {
        String list = mvc.perform(get("/api/v1/parent/children").with(parent(father)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(list, "$[0].ref");
    }

    /** The children list says where each child was found: the household (户籍) or the birth certificate. */
    @Test
    void the_children_list_says_where_each_child_was_found() throws Exception {
        String zh = mvc.perform(get("/parent").with(parent(MIGRANT_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("data-found-in=\"BIRTH\"").contains("出生医学证明（孩子户籍不在您的户内）");
        String en = mvc.perform(get("/parent").param("lang", "en").with(parent(MIGRANT_FATHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Birth certificate (the child’s hukou is not in your household)");

        String household = "360111199302244156";
        mvc.perform(get("/api/v1/parent/children").with(parent(household)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].foundIn").value("HUKOU"));
        String page = mvc.perform(get("/parent").with(parent(household)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-found-in=\"HUKOU\"").contains("户籍（您的家庭户）").doesNotContain("data-found-in=\"BIRTH\"");
    }

    /**
     * While the registries that hold addresses do not answer, "no zoned home" would be wrong (the address may be
     * there): the parent is told to check again shortly and the submission is refused as "try again later".
     */
    @Test
    void while_the_address_registries_are_down_the_parent_is_asked_to_try_again_not_told_there_is_no_home() throws Exception {
        String ref = onlyChild(NO_ADDRESS_FATHER);
        ExchangeStub stub = ExchangeStub.shared();
        try {
            stub.outage("residence-permits/");
            String page = mvc.perform(get("/parent/children/{ref}", ref).with(parent(NO_ADDRESS_FATHER)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"no-home-yet\"").contains("请稍后回到这里重新一键查")
                    .doesNotContain("id=\"no-zoned-home\"").doesNotContain("id=\"submit\"");
            mvc.perform(post("/api/v1/parent/children/{ref}/applications", ref).with(parent(NO_ADDRESS_FATHER)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotency-Key", "no-address-outage").content("{\"consent\":true}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("application.error.registry-unavailable"));
        } finally {
            stub.recover();
        }
        // the permit registry's circuit closes again before the next test
        for (int i = 0; i < 20; i++) {
            Thread.sleep(150);
            String check = mvc.perform(get("/api/v1/parent/children/{ref}/check", ref).with(parent(NO_ADDRESS_FATHER)))
                    .andReturn().getResponse().getContentAsString();
            if (Boolean.TRUE.equals(JsonPath.read(check, "$.complete"))) {
                return;
            }
        }
    }
}
