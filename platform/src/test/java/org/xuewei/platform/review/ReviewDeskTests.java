package org.xuewei.platform.review;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.registry.ExchangeStub;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review desk over HTTP: decisions and their moves, the second reviewer, reveal, uploads, access. */
@PlatformTest
class ReviewDeskTests {

    static final String DISTRICT = "360102";
    static final String OTHER = "360103";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personal;
    @Autowired
    Applications applications;
    @Autowired
    StaffAccounts accounts;

    ReviewFixtures fixtures;
    StaffPrincipal reviewerA;
    StaffPrincipal reviewerB;
    StaffPrincipal otherDistrict;
    StaffPrincipal cityAdmin;

    @BeforeAll
    static void exchange() {
        ExchangeStub.shared();
    }

    @BeforeEach
    void setUp() {
        fixtures = new ReviewFixtures(jdbc, personal, applications.season());
        reviewerA = TestAccounts.ensure(accounts, "review-a", StaffRole.DISTRICT_REVIEWER, DISTRICT, null);
        reviewerB = TestAccounts.ensure(accounts, "review-b", StaffRole.DISTRICT_ADMIN, DISTRICT, null);
        otherDistrict = TestAccounts.ensure(accounts, "review-other", StaffRole.DISTRICT_REVIEWER, OTHER, null);
        cityAdmin = TestAccounts.ensure(accounts, "review-city", StaffRole.CITY_ADMIN, null, null);
    }

    static RequestPostProcessor parent(String idNumber) {
        return oidcLogin()
                .idToken(token -> token.subject("p" + idNumber.hashCode()).claim("id_number", idNumber).claim("name", "家长"))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    String base(UUID id) {
        return "/console/district/" + DISTRICT + "/review/" + id;
    }

    long audits(String action, String detailLike) {
        return jdbc.sql("select count(*) from audit.audit_event where action = :a and detail like :d")
                .param("a", action).param("d", detailLike).query(Long.class).single();
    }

    @Test
    void approve_with_a_category_then_illegal_moves_are_refused() throws Exception {
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), ReviewFixtures.idNumber(),
                ApplicationStatus.IN_REVIEW, "CO_OWNER_NON_DIRECT", "");
        mvc.perform(post(base(id) + "/approve").with(user(reviewerA)).with(csrf()).param("category", "C1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "review.done.approved"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.VERIFIED);
        assertThat(jdbc.sql("select category_code from application.application where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("C1");
        assertThat(audits("review.approved", "category C1")).isPositive();
        // approved is not in review any more: every further decision is refused, nothing changes
        mvc.perform(post(base(id) + "/supplement").with(user(reviewerA)).with(csrf()).param("message", "x"))
                .andExpect(flash().attribute("error", "review.error.illegal-move"));
        mvc.perform(post(base(id) + "/reject").with(user(reviewerA)).with(csrf()).param("reason", "x"))
                .andExpect(flash().attribute("error", "review.error.illegal-move"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.VERIFIED);
    }

    @Test
    void an_unknown_category_or_an_empty_message_is_refused_with_what_to_fix() throws Exception {
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), ReviewFixtures.idNumber(),
                ApplicationStatus.IN_REVIEW, "NO_CATEGORY", "");
        mvc.perform(post(base(id) + "/approve").with(user(reviewerA)).with(csrf()).param("category", "C99"))
                .andExpect(flash().attribute("error", "review.error.category"));
        mvc.perform(post(base(id) + "/supplement").with(user(reviewerA)).with(csrf()).param("message", "  "))
                .andExpect(flash().attribute("error", "review.error.message"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        String page = mvc.perform(get(base(id)).with(user(reviewerA)).flashAttr("error", "review.error.category"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请选择本区政策中的一个生源类别");
    }

    @Test
    void a_rejection_needs_a_second_reviewer_of_the_same_district() throws Exception {
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), ReviewFixtures.idNumber(),
                ApplicationStatus.IN_REVIEW, "HOME_LOCKED", "");
        mvc.perform(post(base(id) + "/reject").with(user(reviewerA)).with(csrf()).param("reason", "房产与他人共用"))
                .andExpect(flash().attribute("done", "review.done.proposed"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        mvc.perform(post(base(id) + "/reject/confirm").with(user(reviewerA)).with(csrf()))
                .andExpect(flash().attribute("error", "review.error.same-reviewer"));
        mvc.perform(post(base(id) + "/reject/confirm").with(user(otherDistrict)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base(id) + "/reject/confirm").with(user(cityAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        mvc.perform(post(base(id) + "/reject/confirm").with(user(reviewerB)).with(csrf()))
                .andExpect(flash().attribute("done", "review.done.rejected"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(audits("review.rejected", "proposed by review-a: 房产与他人共用")).isEqualTo(1);
    }

    @Test
    void revealing_an_id_number_needs_a_reason_and_is_logged() throws Exception {
        String childId = ReviewFixtures.idNumber();
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), childId, ApplicationStatus.IN_REVIEW,
                "RECENT_HUKOU_MOVE_IN", "");
        String page = mvc.perform(get(base(id)).with(user(reviewerA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(PersonalData.mask(childId)).doesNotContain(childId).contains("户籍迁入时间较短");
        mvc.perform(post(base(id) + "/reveal").with(user(reviewerA)).with(csrf()).param("reason", " "))
                .andExpect(flash().attribute("error", "review.error.reveal-reason"));
        String revealed = mvc.perform(post(base(id) + "/reveal").with(user(reviewerA)).with(csrf())
                        .param("reason", "与派出所核对户籍"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains(childId);
        assertThat(jdbc.sql("""
                        select count(*) from audit.audit_event where action = 'review.personal-data.revealed'
                        and actor = 'review-a' and subject = :id and detail like '%与派出所核对户籍%'""")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
        // the city administrator may look at the case, masked, but not reveal or decide
        mvc.perform(get(base(id)).with(user(cityAdmin))).andExpect(status().isOk());
        mvc.perform(post(base(id) + "/reveal").with(user(cityAdmin)).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void another_districts_reviewer_is_refused() throws Exception {
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), ReviewFixtures.idNumber(),
                ApplicationStatus.IN_REVIEW, "HOME_LOCKED", "");
        mvc.perform(get("/console/district/" + DISTRICT + "/review").with(user(otherDistrict))).andExpect(status().isForbidden());
        mvc.perform(get(base(id)).with(user(otherDistrict))).andExpect(status().isForbidden());
        mvc.perform(post(base(id) + "/approve").with(user(otherDistrict)).with(csrf()).param("category", "C1"))
                .andExpect(status().isForbidden());
        // and through their own district's URL the application is simply not there
        mvc.perform(get("/console/district/" + OTHER + "/review/" + id).with(user(otherDistrict))).andExpect(status().isNotFound());
        mvc.perform(post("/console/district/" + OTHER + "/review/" + id + "/approve").with(user(otherDistrict)).with(csrf())
                .param("category", "C1")).andExpect(status().isNotFound());
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        // no CSRF token, no decision
        mvc.perform(post(base(id) + "/approve").with(user(reviewerA)).param("category", "C1")).andExpect(status().isForbidden());
    }

    @Test
    void supplement_requested_uploaded_judged_by_content_and_back_in_review() throws Exception {
        String guardian = ReviewFixtures.idNumber();
        UUID id = fixtures.application(DISTRICT, guardian, ReviewFixtures.idNumber(), ApplicationStatus.IN_REVIEW,
                "DIVORCE_HUKOU_MOVED", "<script>alert('note')</script>");
        mvc.perform(post(base(id) + "/supplement").with(user(reviewerA)).with(csrf())
                        .param("message", "请上传离婚协议 <script>alert('x')</script>"))
                .andExpect(flash().attribute("done", "review.done.supplement"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);

        // free text is shown as text on both sides
        String parentPage = mvc.perform(get("/parent/applications/{id}/supplement", id).with(parent(guardian)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(parentPage).contains("请上传离婚协议 &lt;script&gt;").doesNotContain("<script>alert");
        String casePage = mvc.perform(get(base(id)).with(user(reviewerA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");

        // wrong type (text named .pdf) and oversized are refused with a message; nothing changes
        String wrong = mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                        .file(new MockMultipartFile("file", "agreement.pdf", "application/pdf", "not really a pdf".getBytes()))
                        .with(parent(guardian)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("只能上传 PDF、JPG 或 PNG 文件");
        byte[] big = new byte[Supplements.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        String tooBig = mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .with(parent(guardian)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooBig).contains("文件超过 10 MB");
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);

        // a .pdf name with PNG content is a PNG
        mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                        .file(new MockMultipartFile("file", "agreement.pdf", "application/pdf", PNG))
                        .with(parent(guardian)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        var row = jdbc.sql("select media_type, file_name, sha256 from review.supplement where application_id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("media_type")).isEqualTo("image/png");
        assertThat(row.get("file_name")).isEqualTo("agreement.png");
        assertThat(row.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));

        // the reviewer opens it (logged), then approves
        UUID file = jdbc.sql("select id from review.supplement where application_id = :id").param("id", id)
                .query(UUID.class).single();
        byte[] body = mvc.perform(get(base(id) + "/supplements/" + file).with(user(reviewerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.equals(body, PNG)).isTrue();
        mvc.perform(post(base(id) + "/approve").with(user(reviewerB)).with(csrf()).param("category", "C3"))
                .andExpect(flash().attribute("done", "review.done.approved"));
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.VERIFIED);
        // uploading again is refused: nothing was asked
        String late = mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                        .file(new MockMultipartFile("file", "again.png", "image/png", PNG))
                        .with(parent(guardian)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(late).contains("目前不需要补充材料");
    }

    @Test
    void another_familys_application_is_not_found_on_the_supplement_page() throws Exception {
        UUID id = fixtures.application(DISTRICT, ReviewFixtures.idNumber(), ReviewFixtures.idNumber(),
                ApplicationStatus.SUPPLEMENT_REQUESTED, "HOME_LOCKED", "");
        String stranger = ReviewFixtures.idNumber();
        mvc.perform(get("/parent/applications/{id}/supplement", id).with(parent(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/parent/applications/{id}/supplement", UUID.randomUUID()).with(parent(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                        .file(new MockMultipartFile("file", "x.png", "image/png", PNG)).with(parent(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(fixtures.status(id)).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
        // staff are not parents
        mvc.perform(get("/parent/applications/{id}/supplement", id).with(user(reviewerA))).andExpect(status().isForbidden());
    }
}
