package org.xuewei.platform.admission;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.notification.InboxMessage;
import org.xuewei.platform.notification.Notifications;
import org.xuewei.platform.notification.internal.Dispatcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parent's result pages after a published run (application module's pages over admission's public API):
 * placement and explanation, the notice PDF and its QR link, arrival confirmation before and after the deadline,
 * the appeal window, ownership, and the messages publication leaves in the inbox.
 */
@PlatformTest
@Import(InMemorySources.class)
class ParentResultTests {

    static final String DISTRICT = "360104";
    static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalData personal;
    @Autowired StaffAccounts accounts;
    @Autowired LotteryDraws draws;
    @Autowired Publication publication;
    @Autowired AdmissionResults results;
    @Autowired Dispatcher dispatcher;
    @Autowired Notifications notifications;
    @Autowired Arrivals arrivals;
    @Autowired Appeals appeals;

    StaffAccount admin;

    @BeforeEach
    void accounts() {
        admin = TestAccounts.ensure(accounts, "res-admin-" + DISTRICT, StaffRole.DISTRICT_ADMIN, DISTRICT, null).account();
    }

    static String idNumber() {
        return "3601" + String.format("%013d", SERIAL.incrementAndGet()) + "X";
    }

    static RequestPostProcessor parent(String idNumber) {
        return oidcLogin()
                .idToken(token -> token.subject("p" + idNumber.hashCode()).claim("id_number", idNumber).claim("name", "家长"))
                .authorities(new SimpleGrantedAuthority("ROLE_PARENT"));
    }

    /** A verified application as the application module stores it (test set-up only). */
    record App(UUID id, String number, String guardian) {
    }

    App application(int season) {
        String guardian = idNumber();
        String childId = idNumber();
        String number = "R" + SERIAL.incrementAndGet();
        UUID id = VerifiedApplications.insert(jdbc, personal, guardian, childId, number, season, DISTRICT, "C3");
        return new App(id, number, guardian);
    }

    /** S1 has 2 seats: one category-1 child, then three category-3 children (ours among them) drawn for the last seat. */
    App publishedSeason(int year, Instant deadline) {
        App ours = application(year);
        Season s = new Season().school("S1", 2, 0).school("S2", 10, 3)
                .child("X" + year + "a", 1, "S1").child(ours.number(), 3, "S1").child("X" + year + "b", 3, "S1")
                .child("X" + year + "c", 3, "S1");
        InMemorySources.put(DISTRICT, year, 1, s);
        long drawId = draws.freeze(admin, DISTRICT, year, 1, "");
        draws.commit(admin, drawId, "public value " + year);
        long run = draws.draw(admin, drawId, "07 11 23", List.of("见证人 甲"));
        publication.publish(admin, run, deadline);
        return ours;
    }

    String statusOf(App app) {
        return jdbc.sql("select status from application.application where id = :id").param("id", app.id())
                .query(String.class).single();
    }

    @Test
    void a_parent_sees_the_published_result_downloads_the_notice_and_confirms_arrival() throws Exception {
        int year = 2061;
        App ours = application(year);
        // before publication: no result yet
        mvc.perform(get("/parent/applications/{id}/result", ours.id()).with(parent(ours.guardian())))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("result-none")));
        mvc.perform(get("/api/v1/parent/applications/{id}/result", ours.id()).with(parent(ours.guardian())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("application.result.none"));

        App app = publishedSeason(2062, InMemorySources.CLOCK.instant().plus(Duration.ofDays(5)));
        ChildResult r = results.resultOf(app.number()).orElseThrow();
        assertThat(r.schoolCode()).isIn("S1", "S2");

        // publication moved the application and told the parent (one SMS and one inbox message)
        assertThat(statusOf(app)).isEqualTo("PUBLISHED");
        dispatcher.dispatch(InMemorySources.CLOCK.instant().plusSeconds(1));
        Parent p = new Parent("p" + app.guardian().hashCode(), "家长", app.guardian());
        List<InboxMessage> inbox = notifications.inbox(p, 10);
        assertThat(inbox).filteredOn(m -> m.subjectRef().equals(app.id()))
                .singleElement().satisfies(m -> {
                    assertThat(m.messageKey()).isEqualTo("notification.status.PUBLISHED");
                    assertThat(m.args()).containsExactly(app.number());
                });
        assertThat(jdbc.sql("select count(*) from notification.outbox where subject_ref = :id and message_key = 'notification.status.PUBLISHED'")
                .param("id", app.id()).query(Integer.class).single()).isEqualTo(2);

        // the status page loads the result; the result page explains it
        mvc.perform(get("/parent/applications/{id}", app.id()).with(parent(app.guardian())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("result-link")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已公布")));
        String page = mvc.perform(get("/parent/applications/{id}/result", app.id()).with(parent(app.guardian())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("录取结果", "学校" + r.schoolCode(), "第3类", "notice-download", "id=\"confirm\"",
                "复议时间：" + year(2062) + "-08-09 08:00");
        if (r.route().equals("OVERFLOW")) {
            assertThat(page).contains("统筹", "result-distance", "离家直线距离约");
        } else {
            assertThat(page).contains("第1志愿", "学校S1的录取类别线为第3类", "result-cutoff");
        }
        if (r.lotteryPosition() != null) {
            assertThat(page).contains("随机号排第" + r.lotteryPosition() + "位，共" + r.lotteryTied() + "人");
        }
        assertThat(page).doesNotContain("appeal-form"); // outside the window
        // the htmx part is the section alone
        String part = mvc.perform(get("/parent/applications/{id}/result", app.id()).header("HX-Request", "true")
                        .with(parent(app.guardian()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(part).startsWith("<section").doesNotContain("<html");

        // the notice is a PDF and its QR link says "genuine"
        byte[] pdf = mvc.perform(get("/parent/applications/{id}/notice.pdf", app.id()).with(parent(app.guardian())))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String link = noticeLink(pdf);
        assertThat(link).contains("/notices/" + r.noticeCode() + "?m=");
        mvc.perform(get(link.substring(link.indexOf("/notices/")))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("真实")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(app.number()))));
        mvc.perform(get("/api/v1/parent/applications/{id}/notice.pdf", app.id()).with(parent(app.guardian())))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));

        // the API says the same
        mvc.perform(get("/api/v1/parent/applications/{id}/result", app.id()).with(parent(app.guardian())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schoolCode").value(r.schoolCode()))
                .andExpect(jsonPath("$.category").value(3))
                .andExpect(jsonPath("$.canConfirm").value(true))
                .andExpect(jsonPath("$.appealOpen").value(false))
                .andExpect(jsonPath("$.explanation[0]").isString())
                .andExpect(jsonPath("$.noticeUrl").value("/api/v1/parent/applications/" + app.id() + "/notice.pdf"));

        // another family: 404 everywhere, nothing confirmed
        String stranger = idNumber();
        mvc.perform(get("/parent/applications/{id}/result", app.id()).with(parent(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/parent/applications/{id}/notice.pdf", app.id()).with(parent(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/parent/applications/{id}/confirm", app.id()).with(parent(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/parent/applications/{id}/result", app.id()).with(parent(stranger)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(post("/api/v1/parent/applications/{id}/confirmation", app.id()).with(parent(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/parent/applications/{id}/notice.pdf", UUID.randomUUID()).with(parent(app.guardian())))
                .andExpect(status().isNotFound());
        assertThat(statusOf(app)).isEqualTo("PUBLISHED");

        // without CSRF nothing happens
        mvc.perform(post("/parent/applications/{id}/confirm", app.id()).with(parent(app.guardian())))
                .andExpect(status().isForbidden());
        // the parent confirms (双确认, parent side)
        mvc.perform(post("/parent/applications/{id}/confirm", app.id()).with(parent(app.guardian())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/parent/applications/" + app.id() + "/result"))
                .andExpect(flash().attribute("done", "application.result.confirmed"));
        assertThat(statusOf(app)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'admission.arrival.parent' and subject like :s")
                .param("s", "%" + app.number()).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/parent/applications/{id}", app.id()).with(parent(app.guardian())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已确认")));
        mvc.perform(get("/parent/applications/{id}/result", app.id()).with(parent(app.guardian())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("confirm-waiting")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"confirm\""))));
    }

    @Test
    void confirmation_after_the_deadline_and_an_appeal_outside_the_window_are_refused() throws Exception {
        App app = publishedSeason(2063, InMemorySources.CLOCK.instant().plus(Duration.ofHours(1)));
        InMemorySources.CLOCK.advance(Duration.ofHours(2));
        try {
            String page = mvc.perform(get("/parent/applications/{id}/result", app.id()).with(parent(app.guardian())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("confirm-closed", "报到截止时间已过").doesNotContain("id=\"confirm\"");
            mvc.perform(post("/parent/applications/{id}/confirm", app.id()).with(parent(app.guardian())).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("refusal", "admission.refused.after-deadline"));
            mvc.perform(post("/api/v1/parent/applications/{id}/confirmation", app.id()).with(parent(app.guardian())).with(csrf()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("admission.refused.after-deadline"))
                    .andExpect(jsonPath("$.detail").value("报到截止时间已过。"));
            assertThat(statusOf(app)).isEqualTo("PUBLISHED");
            assertThat(results.resultOf(app.number()).orElseThrow().offerState()).isEqualTo("OFFERED");

            // an appeal outside the window
            mvc.perform(post("/api/v1/parent/applications/{id}/appeals", app.id()).with(parent(app.guardian())).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"离家太远，申请调整\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("admission.refused.appeal-window"));
            mvc.perform(post("/parent/applications/{id}/appeal", app.id()).with(parent(app.guardian())).with(csrf())
                            .param("reason", "离家太远，申请调整"))
                    .andExpect(flash().attribute("refusal", "admission.refused.appeal-window"));
            assertThat(jdbc.sql("select count(*) from admission.appeal where application_no = :no")
                    .param("no", app.number()).query(Integer.class).single()).isZero();
        } finally {
            InMemorySources.CLOCK.advance(Duration.ofHours(-2));
        }

        // within the window the form is there and the appeal is taken (once)
        Duration shift = Duration.between(InMemorySources.CLOCK.instant(),
                LocalDateTime.of(2063, 8, 15, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        InMemorySources.CLOCK.advance(shift);
        try {
            String page = mvc.perform(get("/parent/applications/{id}/result", app.id()).with(parent(app.guardian())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("appeal-form");
            String created = mvc.perform(post("/api/v1/parent/applications/{id}/appeals", app.id()).with(parent(app.guardian()))
                            .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"离家太远，申请调整\",\"evidence\":\"病历\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat(((Number) JsonPath.read(created, "$.appealId")).longValue()).isPositive();
            mvc.perform(post("/parent/applications/{id}/appeal", app.id()).with(parent(app.guardian())).with(csrf())
                            .param("reason", "再次申请"))
                    .andExpect(flash().attribute("refusal", "admission.refused.appeal-open"));
            mvc.perform(post("/api/v1/parent/applications/{id}/appeals", app.id()).with(parent(app.guardian())).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("admission.refused.appeal-reason"));
        } finally {
            InMemorySources.CLOCK.advance(shift.negated());
        }
    }

    @Test
    void a_second_batch_place_and_an_upheld_appeal_tell_the_parent_and_appear_on_the_timeline() throws Exception {
        int year = 2064;
        App waiting = application(year);
        App appealing = application(year);
        // S1 has 1 seat (category 1 takes it, ours waits: no home location, so no 统筹); S2 1 seat; S3 2 free seats
        Season s = new Season().school("S1", 1, 0).school("S2", 1, 1).school("S3", 2, 2);
        for (String[] c : new String[][] {{"Y" + year + "a", "1", "S1"}, {waiting.number(), "3", "S1"},
                {appealing.number(), "1", "S2"}}) {
            s.add(new AdmissionCandidate(c[0], DISTRICT, year, 1, Integer.parseInt(c[1]), null, null, List.of(c[2]),
                    null, null, null, null, null, true));
        }
        InMemorySources.put(DISTRICT, year, 1, s);
        long drawId = draws.freeze(admin, DISTRICT, year, 1, "");
        draws.commit(admin, drawId, "public value " + year);
        long run = draws.draw(admin, drawId, "05 06 07", List.of());
        publication.publish(admin, run, InMemorySources.CLOCK.instant().plus(Duration.ofHours(1)));
        assertThat(results.resultOf(waiting.number()).orElseThrow().schoolCode()).isNull();
        int stepsBefore = steps(waiting);

        // nobody confirmed: after the deadline the seat is released and the second batch's draw gives it to ours
        InMemorySources.CLOCK.advance(Duration.ofHours(2));
        try {
            Arrivals.Release release = arrivals.releaseAndSecondBatch(admin, run);
            draws.commit(admin, release.drawId(), "second batch " + year);
            draws.draw(admin, release.drawId(), "08 09 10", List.of());
        } finally {
            InMemorySources.CLOCK.advance(Duration.ofHours(-2));
        }
        ChildResult placed = results.resultOf(waiting.number()).orElseThrow();
        assertThat(placed.route()).isEqualTo("SECOND_BATCH");
        assertThat(placed.schoolCode()).isEqualTo("S1");
        assertThat(steps(waiting)).isEqualTo(stepsBefore + 1);

        // an upheld appeal moves the other child to S3
        Duration shift = Duration.between(InMemorySources.CLOCK.instant(),
                LocalDateTime.of(year, 8, 15, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        InMemorySources.CLOCK.advance(shift);
        String oldNotice = results.resultOf(appealing.number()).orElseThrow().noticeCode();
        int appealSteps = steps(appealing);
        try {
            long appeal = appeals.submit("parent", appealing.number(), "离家太远，申请调整", "");
            appeals.uphold(admin, appeal, "S3", "就近调整");
        } finally {
            InMemorySources.CLOCK.advance(shift.negated());
        }
        ChildResult moved = results.resultOf(appealing.number()).orElseThrow();
        assertThat(moved.schoolCode()).isEqualTo("S3");
        assertThat(moved.noticeCode()).isNotNull().isNotEqualTo(oldNotice); // the old notice names the old school
        assertThat(steps(appealing)).isEqualTo(appealSteps + 1);

        // each parent gets one SMS and one inbox message naming the new school
        dispatcher.dispatch(InMemorySources.CLOCK.instant().plus(Duration.ofDays(400)));
        for (Object[] c : new Object[][] {{waiting, "application.notice.SECOND_BATCH", "学校S1"},
                {appealing, "application.notice.APPEAL_UPHELD", "学校S3"}}) {
            App app = (App) c[0];
            Parent p = new Parent("p" + app.guardian().hashCode(), "家长", app.guardian());
            assertThat(notifications.inbox(p, 20)).filteredOn(m -> m.messageKey().equals(c[1])).singleElement()
                    .satisfies(m -> {
                        assertThat(m.subjectRef()).isEqualTo(app.id());
                        assertThat(m.args()).containsExactly(app.number(), (String) c[2]);
                    });
            assertThat(jdbc.sql("select count(*) from notification.outbox where subject_ref = :id and message_key = :key")
                    .param("id", app.id()).param("key", c[1]).query(Integer.class).single()).isEqualTo(2);
        }
        // the parent's result page explains the second-batch place
        mvc.perform(get("/parent/applications/{id}/result", waiting.id()).with(parent(waiting.guardian())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第二批次补录")));
    }

    int steps(App app) {
        return jdbc.sql("select count(*) from application.application_step where application_id = :id")
                .param("id", app.id()).query(Integer.class).single();
    }

    static int year(int season) {
        return season;
    }

    /** The verification link printed on the notice (the QR code encodes the same text). */
    static String noticeLink(byte[] pdf) throws Exception {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            Matcher m = Pattern.compile("\\S*/notices/[0-9a-zA-Z]+\\?m=[0-9a-zA-Z_-]+").matcher(text.replaceAll("\\s+", ""));
            assertThat(m.find()).as("link in the notice's text: %s", text).isTrue();
            return m.group();
        }
    }
}
