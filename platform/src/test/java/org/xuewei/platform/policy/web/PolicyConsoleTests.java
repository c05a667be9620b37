package org.xuewei.platform.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.audit.AuditRecord;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyPreview;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.seed.PolicySeason;
import org.xuewei.platform.policy.seed.ShippedPolicyImport;

/**
 * The policy console end to end: who may read and edit, saving with every problem listed where it is (the
 * published version untouched), the preview's numbers, publication with a second administrator, and the audit
 * events. Each test works on its own district: the test database is shared.
 */
@PlatformTest
class PolicyConsoleTests {

    static final String C1_FIRST = "categories[C1].routes[main].conditions[0].when";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PolicyStore store;
    @Autowired
    AuditLog audit;
    @Autowired
    PolicySeason season;
    @Autowired
    ShippedPolicyImport shipped;
    @Autowired
    PolicyDirectory directory;

    @BeforeEach
    void seed() {
        shipped.importShipped(ShippedPolicyImport.DEMO, season.current());
    }

    StaffPrincipal admin(String name, String district) {
        return TestAccounts.ensure(accounts, "pc-" + name + "-" + district, StaffRole.DISTRICT_ADMIN, district, null);
    }

    @Test
    void the_shipped_policies_are_published_for_the_current_season_and_frozen() {
        int year = season.current();
        for (String id : List.of("nanchang-urban-", "nanchang-county-", "honggutan-points-")) {
            PolicyStore.Published v1 = store.version(id + year, 1).orElseThrow();
            assertThat(v1.policy().season()).isEqualTo(year);
            assertThat(v1.policy().window().closes().getYear()).isEqualTo(year);
        }
        assertThat(directory.districtPolicyId("360121", year)).isEqualTo("nanchang-county-" + year);
        assertThat(shipped.importShipped(ShippedPolicyImport.DEMO, year)).as("nothing imported twice").isEmpty();
    }

    @Test
    void only_the_districts_own_administrators_edit_reviewers_and_the_city_read() throws Exception {
        StaffPrincipal other = admin("admin", "360102");
        StaffPrincipal reviewer = TestAccounts.ensure(accounts, "pc-reviewer-360121", StaffRole.DISTRICT_REVIEWER,
                "360121", null);
        StaffPrincipal city = TestAccounts.ensure(accounts, "pc-city", StaffRole.CITY_ADMIN, null, null);
        String page = "/console/district/360121/policy";

        mvc.perform(get(page).with(user(other))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/draft").with(user(other)).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(get(page).with(user(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"read-only\"")))
                .andExpect(content().string(not(containsString("id=\"save-draft\""))));
        mvc.perform(post(page + "/draft").with(user(reviewer)).with(csrf()).param("evidence.minFamilySharePercent", "50"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/request").with(user(reviewer)).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(get(page).with(user(city))).andExpect(status().isOk())
                .andExpect(content().string(containsString("南昌县")))
                .andExpect(content().string(containsString("id=\"read-only\"")));
        mvc.perform(post(page + "/approve").with(user(city)).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(get("/console/city/policy").with(user(other))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"read-only\"")));
        mvc.perform(post("/console/city/policy/draft").with(user(other)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/console/city/policy").with(user(city))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"save-draft\"")));
        assertThat(store.draft("nanchang-county-" + season.current())).isEmpty();
    }

    @Test
    void a_cel_error_is_refused_with_line_and_column_and_the_published_version_is_untouched() throws Exception {
        StaffPrincipal admin = admin("admin", "360113");
        String id = "honggutan-points-" + season.current();
        PolicyStore.Published before = store.latest(id).orElseThrow();

        mvc.perform(post("/console/district/360113/policy/draft").with(user(admin)).with(csrf())
                        .param(C1_FIRST, "hukou.inZone &&\n  hukou.usabel")
                        .param("points.items[hukou].formula", "hukou.inZone ? 30 + : 0")
                        .param("evidence.certificateCutoff", "2001-06-30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"refusal\"")))
                .andExpect(content().string(containsString("第2行第8列")))
                .andExpect(content().string(containsString("usabel")))
                .andExpect(content().string(containsString("points.items[hukou].formula")))
                .andExpect(content().string(containsString("语法错误")))
                .andExpect(content().string(containsString("不在招生季")))
                // the form keeps what was typed
                .andExpect(content().string(containsString("hukou.usabel")));

        assertThat(store.latest(id).orElseThrow().ref()).isEqualTo(before.ref());
        assertThat(store.draft(id)).isEmpty();
        assertThat(events(id)).extracting(r -> r.entry().action()).contains("policy.draft.refused");
    }

    @Test
    void the_editor_validates_one_rule_as_it_is_typed() throws Exception {
        StaffPrincipal admin = admin("admin", "360113");
        String validate = "/console/district/360113/policy/validate";
        mvc.perform(post(validate).with(user(admin)).with(csrf()).header("HX-Trigger-Name", C1_FIRST)
                        .param(C1_FIRST, "hukou.inZone && hukou.usabel"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第1行")))
                .andExpect(content().string(containsString("usabel")));
        mvc.perform(post(validate).with(user(admin)).with(csrf()).header("HX-Trigger-Name", C1_FIRST)
                        .param(C1_FIRST, "hukou.inZone && hukou.withParent"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-ok")));
    }

    @Test
    void a_category_list_with_a_gap_is_refused() throws Exception {
        StaffPrincipal admin = admin("admin", "360104");
        mvc.perform(post("/console/district/360104/policy/draft").with(user(admin)).with(csrf())
                        .param("categories[C3].rank", "9"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("缺少第 3 位")));
        assertThat(store.draft(directory.districtPolicyId("360104", season.current()))).isEmpty();
    }

    @Test
    void the_preview_counts_per_school_and_category_over_the_synthetic_population() throws Exception {
        StaffPrincipal admin = admin("admin", "360111");
        String page = "/console/district/360111/policy";
        mvc.perform(get(page + "/preview").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview-message\"")));

        mvc.perform(post(page + "/draft").with(user(admin)).with(csrf())
                        .param("evidence.contractCountsAsCertificate", "0", "1")
                        .param("evidence.minFamilySharePercent", "50"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "policy.console.notice.saved"));
        String id = directory.districtPolicyId("360111", season.current());
        assertThat(id).isEqualTo("district-360111-" + season.current());
        assertThat(store.draft(id).orElseThrow().evidence().minFamilySharePercent()).isEqualTo(50);

        PolicyPreview expected = PolicyPreview.of(
                store.evaluator(store.latest("nanchang-urban-" + season.current()).orElseThrow().ref()),
                PolicyEvaluator.compile(store.draft(id).orElseThrow()),
                SyntheticPopulation.of("360111", season.current()));
        assertThat(expected.applicants()).isEqualTo(SyntheticPopulation.SCHOOLS * SyntheticPopulation.PER_SCHOOL);
        assertThat(expected.changed()).isNotEmpty();
        int[] c1 = new int[2];
        expected.counts().values().forEach(m -> {
            int[] n = m.getOrDefault("C1", new int[2]);
            c1[0] += n[0];
            c1[1] += n[1];
        });
        assertThat(c1[1]).isGreaterThan(c1[0]);

        mvc.perform(get(page + "/preview").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("模拟人群")))
                .andExpect(content().string(containsString("360111-SYN-01")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"preview-total\".*?data-category=\"C1\"[^>]*>"
                        + c1[0] + " → " + c1[1] + "<.*")))
                .andExpect(content().string(containsString("草稿改变了 " + expected.changed().size() + " 名儿童")));

        mvc.perform(get(page).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("evidence.minFamilySharePercent：51 → 50")))
                .andExpect(content().string(containsString("id=\"request-publish\"")));
    }

    @Test
    void publishing_needs_a_second_administrator_and_every_step_is_audited() throws Exception {
        StaffPrincipal a = admin("a", "360112");
        StaffPrincipal b = admin("b", "360112");
        String page = "/console/district/360112/policy";
        String id = directory.districtPolicyId("360112", season.current());

        mvc.perform(post(page + "/request").with(user(a)).with(csrf()))
                .andExpect(flash().attribute("refusal", "policy.console.refused.no-draft"));
        mvc.perform(post(page + "/draft").with(user(a)).with(csrf())
                        .param(C1_FIRST, "hukou.inZone && hukou.withParent && !hukou.collective"))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/request").with(user(a)).with(csrf()))
                .andExpect(flash().attribute("notice", "policy.console.notice.requested"));
        mvc.perform(get(page).with(user(a))).andExpect(content().string(containsString("id=\"publish-pending\"")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));
        mvc.perform(post(page + "/approve").with(user(a)).with(csrf()))
                .andExpect(flash().attribute("refusal", "policy.console.refused.own-request"));
        assertThat(store.latest(id)).isEmpty();

        mvc.perform(get(page).with(user(b))).andExpect(content().string(containsString("id=\"approve\"")));
        mvc.perform(post(page + "/approve").with(user(b)).with(csrf()))
                .andExpect(flash().attribute("notice", "policy.console.notice.published"));
        PolicyStore.Published v1 = store.latest(id).orElseThrow();
        assertThat(v1.ref().version()).isEqualTo(1);
        assertThat(v1.requestedBy()).isEqualTo(a.getUsername());
        assertThat(v1.approvedBy()).isEqualTo(b.getUsername());
        assertThat(v1.policy().categories().get(0).routes().get(0).conditions().get(0).when()).contains("!hukou.collective");
        assertThat(store.draft(id)).isEmpty();

        // a draft changed after the request cannot be published by that request
        mvc.perform(post(page + "/draft").with(user(b)).with(csrf()).param("evidence.minFamilySharePercent", "60"))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/request").with(user(b)).with(csrf())).andExpect(status().isFound());
        mvc.perform(post(page + "/draft").with(user(b)).with(csrf()).param("evidence.minFamilySharePercent", "70"))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/approve").with(user(a)).with(csrf()))
                .andExpect(flash().attribute("refusal", "policy.console.refused.no-request"));
        assertThat(store.latest(id).orElseThrow().ref().version()).isEqualTo(1);

        assertThat(events(id)).extracting(r -> r.entry().actor() + " " + r.entry().action())
                .contains(a.getUsername() + " policy.draft.saved", a.getUsername() + " policy.publish.requested",
                        b.getUsername() + " policy.published", b.getUsername() + " policy.draft.saved");
    }

    List<AuditRecord> events(String subject) {
        return audit.latest(1000).stream().filter(r -> r.entry().subject().equals(subject)).toList();
    }
}
