package org.xuewei.platform.review;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.TestBrowser;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.notification.internal.Dispatcher;
import org.xuewei.platform.registry.ExchangeStub;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reviewer in Chromium requests a supplement, the parent uploads it, the reviewer approves. The parent's part goes
 * through the platform's HTTP stack with MockMvc and a mocked OIDC login (a browser parent session needs the city
 * identity provider, which these tests do not run).
 */
@PlatformTest
class ReviewBrowserTests {

    static final String DISTRICT = "360111";
    static TestBrowser chromium;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personal;
    @Autowired
    Applications applications;
    @Autowired
    MockMvc mvc;
    @Autowired
    Dispatcher dispatcher;

    @BeforeAll
    static void launch() {
        ExchangeStub.shared();
        chromium = TestBrowser.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_reviewer_requests_a_supplement_the_parent_uploads_the_reviewer_approves() throws Exception {
        TestAccounts.ensure(accounts, "browser-reviewer", StaffRole.DISTRICT_REVIEWER, DISTRICT, null);
        ReviewFixtures fixtures = new ReviewFixtures(jdbc, personal, applications.season());
        String guardian = ReviewFixtures.idNumber();
        UUID id = fixtures.application(DISTRICT, guardian, ReviewFixtures.idNumber(), ApplicationStatus.IN_REVIEW,
                "RECENT_HUKOU_MOVE_IN", "");
        String base = "http://127.0.0.1:" + port;
        Files.createDirectories(TestBrowser.SCREENSHOTS);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            List<String> consoleErrors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text());
                }
            });

            page.navigate(base + "/login");
            page.locator("#username").fill("browser-reviewer");
            page.locator("#password").fill(TestAccounts.PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*/console$"));
            page.locator("a[href='/console/district/" + DISTRICT + "/review']").first().click();
            assertThat(page.locator("#review-heading")).containsText("人工审核");
            page.locator("#filter-reason").selectOption("RECENT_HUKOU_MOVE_IN");
            page.locator("#filter-apply").click();
            page.locator("tr[data-id='" + id + "'] a").click();
            assertThat(page.locator("#case-status")).hasText("人工审核中");
            assertThat(page.locator("main")).containsText("户籍迁入时间较短");
            page.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.SCREENSHOTS.resolve("review-case.png")).setFullPage(true));

            page.locator("#supplement-message").fill("请上传近三个月的水电费缴费记录");
            page.locator("#supplement-submit").click();
            assertThat(page.locator("#done")).isVisible();
            assertThat(page.locator("#case-status")).hasText("待补充材料");

            // the parent (MockMvc, mocked city-app login) sees the request and uploads a PDF
            String parentPage = mvc.perform(get("/parent/applications/{id}/supplement", id).with(ReviewDeskTests.parent(guardian)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(parentPage).contains("请上传近三个月的水电费缴费记录");
            mvc.perform(multipart("/parent/applications/{id}/supplement", id)
                            .file(new MockMultipartFile("file", "水电费.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                            .with(ReviewDeskTests.parent(guardian)).with(csrf()))
                    .andExpect(status().is3xxRedirection());

            page.reload();
            assertThat(page.locator("#case-status")).hasText("人工审核中");
            assertThat(page.locator("#supplements")).containsText("水电费.pdf");
            page.locator("#approve-category").selectOption("C5");
            page.locator("#approve-submit").click();
            assertThat(page.locator("#case-status")).hasText("核验通过");
            assertThat(page.locator("#case-category")).hasText("C5");
            page.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.SCREENSHOTS.resolve("review-approved.png")).setFullPage(true));
            assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
        }

        // the parent was told at every step: supplement requested, received (back in review), approved
        dispatcher.dispatch(java.time.Instant.now().plusSeconds(3600));
        String inbox = mvc.perform(get("/parent/inbox").with(ReviewDeskTests.parent(guardian)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("需要补充材料", "已转人工审核", "已审核通过");
    }
}
