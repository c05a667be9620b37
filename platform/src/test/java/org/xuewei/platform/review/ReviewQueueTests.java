package org.xuewei.platform.review;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.ReviewDesk;
import org.xuewei.platform.application.ReviewFilter;
import org.xuewei.platform.application.ReviewPage;
import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.policy.Grade;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The queue of a district with 20,000 applications: filters by status, reason and grade, server-side paging in
 * submission order. The rows are inserted in bulk (set-up only); half are REJECTED or VERIFIED (not in the queue). None
 * is PENDING_VERIFICATION: the application module's scheduled re-verification would try to verify them.
 */
@PlatformTest
class ReviewQueueTests {

    static final String DISTRICT = "360124";
    static final int N = 20_000;
    static boolean loaded;

    @Autowired
    ReviewDesk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Applications applications;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    MockMvc mvc;

    StaffPrincipal reviewer;

    @BeforeEach
    void load() {
        reviewer = TestAccounts.ensure(accounts, "queue-reviewer", StaffRole.DISTRICT_REVIEWER, DISTRICT, null);
        synchronized (ReviewQueueTests.class) {
            if (loaded) {
                return;
            }
            int season = applications.season();
            jdbc.sql("""
                            insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, created_at)
                            select md5('qc' || i)::uuid, lpad(md5('qg' || i), 64, '0'), lpad(md5('qk' || i), 64, '0'), 'x',
                                   '李' || (case when i % 2 = 0 then '小' else '大' end) || '华', date '2020-01-01', case when i % 3 = 0 then 'G7' else 'G1' end,
                                   :season, now()
                            from generate_series(1, :n) i""")
                    .param("season", season).param("n", N).update();
            jdbc.sql("""
                            insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                                grade, status, district_code, public_school, home_kind, home_ref, home_key, reasons, idempotency_key,
                                consent_at, submitted_at, updated_at)
                            select md5('qa' || i)::uuid, 'Q' || lpad(i::text, 8, '0'), md5('qc' || i)::uuid, lpad(md5('qk' || i), 64, '0'),
                                   lpad(md5('qg' || i), 64, '0'), 'x', :season, case when i % 3 = 0 then 'G7' else 'G1' end,
                                   (array['IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'REJECTED', 'VERIFIED'])[i % 4 + 1],
                                   :district, 'S-Q', 'CERTIFICATE', 'h', lpad(md5('qh' || i), 64, '0'),
                                   case when i % 4 = 2 then '' when i % 5 = 0 then 'HOME_LOCKED,RECENT_HUKOU_MOVE_IN' else 'CO_OWNER_NON_DIRECT' end,
                                   'q' || i, now(), timestamptz '2026-07-15 00:00:00+08' + i * interval '1 second', now()
                            from generate_series(1, :n) i""")
                    .param("season", season).param("n", N).param("district", DISTRICT).update();
            jdbc.sql("analyze application.application").update();
            loaded = true;
        }
    }

    long expected(java.util.function.IntPredicate p) {
        return java.util.stream.IntStream.rangeClosed(1, N).filter(p).count();
    }

    @Test
    void counts_per_filter() {
        assertThat(desk.queue(DISTRICT, ReviewFilter.all()).total()).isEqualTo(expected(i -> i % 4 < 2));
        assertThat(desk.queue(DISTRICT, new ReviewFilter(ApplicationStatus.PENDING_VERIFICATION, null, null, 0, 25)).total()).isZero();
        assertThat(desk.queue(DISTRICT, new ReviewFilter(ApplicationStatus.SUPPLEMENT_REQUESTED, null, null, 0, 25)).total())
                .isEqualTo(expected(i -> i % 4 == 1));
        assertThat(desk.queue(DISTRICT, new ReviewFilter(null, ReviewReason.HOME_LOCKED, null, 0, 25)).total())
                .isEqualTo(expected(i -> i % 4 < 2 && i % 5 == 0));
        assertThat(desk.queue(DISTRICT, new ReviewFilter(null, ReviewReason.RECENT_HUKOU_MOVE_IN, Grade.G7, 0, 25)).total())
                .isEqualTo(expected(i -> i % 4 < 2 && i % 5 == 0 && i % 3 == 0));
        assertThat(desk.queue(DISTRICT, new ReviewFilter(ApplicationStatus.IN_REVIEW, ReviewReason.CO_OWNER_NON_DIRECT, Grade.G1, 0, 25)).total())
                .isEqualTo(expected(i -> i % 4 == 0 && i % 5 != 0 && i % 3 != 0));
        // a reason filter matches whole codes only
        assertThat(desk.queue(DISTRICT, new ReviewFilter(null, ReviewReason.NO_CATEGORY, null, 0, 25)).total()).isZero();
    }

    @Test
    void pages_in_submission_order_without_gaps_or_repeats() {
        ReviewFilter first = new ReviewFilter(ApplicationStatus.IN_REVIEW, null, Grade.G1, 0, 100);
        ReviewPage p0 = desk.queue(DISTRICT, first);
        ReviewPage p1 = desk.queue(DISTRICT, new ReviewFilter(ApplicationStatus.IN_REVIEW, null, Grade.G1, 1, 100));
        assertThat(p0.items()).hasSize(100);
        List<String> numbers = new java.util.ArrayList<>(p0.items().stream().map(ReviewPage.Item::number).toList());
        numbers.addAll(p1.items().stream().map(ReviewPage.Item::number).toList());
        assertThat(numbers).doesNotHaveDuplicates().isSorted();
        assertThat(p0.items().get(0).number()).isEqualTo("Q00000004"); // i = 4: IN_REVIEW, G1
        assertThat(p0.items().get(0).maskedName()).isEqualTo("李*华");
        long total = p0.total();
        int last = (int) ((total - 1) / 100);
        ReviewPage end = desk.queue(DISTRICT, new ReviewFilter(ApplicationStatus.IN_REVIEW, null, Grade.G1, last, 100));
        assertThat(end.items()).hasSize((int) (total - last * 100L));
        assertThat(end.hasNext()).isFalse();
        // at most 100 a page, whatever is asked
        assertThat(desk.queue(DISTRICT, new ReviewFilter(null, null, null, 0, 10_000)).items()).hasSize(ReviewFilter.MAX_SIZE);
    }

    @Test
    void the_queue_uses_its_index() {
        String plan = String.join("\n", jdbc.sql("""
                        explain select a.id from application.application a where a.district_code = '360124'
                        and a.status in ('IN_REVIEW', 'PENDING_VERIFICATION', 'SUPPLEMENT_REQUESTED')
                        order by a.submitted_at, a.id limit 25 offset 5000""").query(String.class).list());
        assertThat(plan).contains("application_review_queue");
    }

    @Test
    void the_page_shows_filters_results_and_paging() throws Exception {
        String page = mvc.perform(get("/console/district/{code}/review", DISTRICT).with(user(reviewer))
                        .param("status", "SUPPLEMENT_REQUESTED").param("reason", "HOME_LOCKED").param("page", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("人工审核", "待补充材料", "第 3 /", "id=\"page-previous\"", "id=\"page-next\"", "李*华")
                .doesNotContain("李小华", "李大华");
        assertThat(page.split("class=\"queue-row\"", -1)).hasSize(26);
        String english = mvc.perform(get("/console/district/{code}/review", DISTRICT).with(user(reviewer)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Manual review", "Reasons for review");
    }
}
