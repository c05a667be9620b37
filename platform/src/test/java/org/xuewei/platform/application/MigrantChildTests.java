package org.xuewei.platform.application;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.registry.ExchangeStub;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
}
