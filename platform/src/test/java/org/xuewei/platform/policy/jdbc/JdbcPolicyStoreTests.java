package org.xuewei.platform.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyChange;
import org.xuewei.platform.policy.PolicyLibrary;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.PolicyValidationException;

@PlatformTest
class JdbcPolicyStoreTests {

    @Autowired
    PolicyStore store;
    @Autowired
    PolicyLibrary shipped;
    @Autowired
    JdbcClient jdbc;

    Policy county(String id) {
        Policy p = shipped.resolve("nanchang-county-2025");
        return new Policy(id, p.name(), p.district(), p.season(), p.basedOn(), p.example(), p.window(),
                p.eligibility(), p.evidence(), p.categories(), p.points(), p.tieBreak(), p.propertyLock(),
                p.overflow(), p.siblings(), p.privateSchools(), p.preferentialCategories(), p.calendar());
    }

    @Test
    void draftsArePublishedAsFrozenVersionsThatReadBackEqual() {
        Policy policy = county("jdbc-test-county-2025");
        store.saveDraft(policy, "admin-a");
        assertThat(store.draft(policy.id())).contains(policy);
        assertThatThrownBy(() -> store.publish(policy.id(), "admin-a", "admin-a")).hasMessageContaining("另一位管理员");

        PolicyStore.Published v1 = store.publish(policy.id(), "admin-a", "admin-b");
        assertThat(v1.ref().version()).isEqualTo(1);
        assertThat(store.draft(policy.id())).isEmpty();
        PolicyStore.Published read = store.version(policy.id(), 1).orElseThrow();
        assertThat(read.policy()).isEqualTo(policy);
        assertThat(read.ref()).isEqualTo(v1.ref());
        assertThat(store.evaluator(v1.ref()).ref()).isEqualTo(v1.ref());

        List<CategoryRule> fewer = policy.categories().subList(0, 6);
        Policy edited = new Policy(policy.id(), policy.name(), policy.district(), policy.season(), policy.basedOn(),
                policy.example(), policy.window(), policy.eligibility(), policy.evidence(), fewer, policy.points(),
                policy.tieBreak(), policy.propertyLock(), policy.overflow(), policy.siblings(), policy.privateSchools(),
                policy.preferentialCategories(), policy.calendar());
        store.saveDraft(edited, "admin-b");
        assertThat(store.draftChanges(policy.id())).extracting(PolicyChange::path).containsExactly("categories[C7]");
        PolicyStore.Published v2 = store.publish(policy.id(), "admin-b", "admin-a");
        assertThat(v2.ref().version()).isEqualTo(2);
        assertThat(store.latest(policy.id()).orElseThrow().ref()).isEqualTo(v2.ref());
        assertThat(store.version(policy.id(), 1).orElseThrow().policy()).isEqualTo(policy);
    }

    @Test
    void anInvalidDraftIsRefusedAndNothingIsWritten() {
        Policy policy = county("jdbc-test-invalid-2025");
        Policy broken = new Policy(policy.id(), policy.name(), policy.district(), policy.season(), null, null,
                policy.window(), policy.eligibility(), policy.evidence(), List.of(), null, policy.tieBreak(),
                policy.propertyLock(), policy.overflow(), policy.siblings(), policy.privateSchools(),
                policy.preferentialCategories(), policy.calendar());
        assertThatThrownBy(() -> store.saveDraft(broken, "admin-a")).isInstanceOf(PolicyValidationException.class);
        assertThat(store.draft(policy.id())).isEmpty();
    }

    @Test
    void publishedVersionsCannotBeChangedInTheDatabase() {
        Policy policy = county("jdbc-test-frozen-2025");
        store.saveDraft(policy, "admin-a");
        store.publish(policy.id(), "admin-a", "admin-b");
        assertThatThrownBy(() -> jdbc.sql("update policy.policy_version set approved_by = 'x' where policy_id = :id")
                .param("id", policy.id()).update()).hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.sql("delete from policy.policy_version where policy_id = :id")
                .param("id", policy.id()).update()).hasMessageContaining("frozen");
    }
}
