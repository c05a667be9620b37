package org.xuewei.platform.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first journey in a real browser: landing page, language switch both ways, a district
 * administrator signs in, sees the console in Chinese, and signs out. Uses Debian's Chromium when
 * installed (Playwright cannot download browsers here), else Playwright's own.
 */
@PlatformTest
class ShellBrowserTests {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;

    @BeforeAll
    static void launch() {
        org.xuewei.platform.TestBrowser.patientAssertions();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (Files.isExecutable(CHROMIUM)) {
            options.setExecutablePath(CHROMIUM)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void a_district_admin_switches_language_signs_in_sees_the_console_and_signs_out() throws Exception {
        TestAccounts.ensure(accounts, "browser-admin", StaffRole.DISTRICT_ADMIN, "360113", null);
        String base = "http://127.0.0.1:" + port;
        Files.createDirectories(SCREENSHOTS);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            List<String> consoleErrors = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    consoleErrors.add(message.text());
                }
            });

            page.navigate(base + "/");
            assertThat(page.locator("h1")).containsText("义务教育招生入学");
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("landing-zh.png")).setFullPage(true));

            page.locator("#lang-en").click();
            assertThat(page.locator("h1")).containsText("School enrollment");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            page.locator("#lang-zh").click();
            assertThat(page.locator("h1")).containsText("义务教育招生入学");

            page.locator(".topnav a[href='/login']").click();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            page.locator("#username").fill("browser-admin");
            page.locator("#password").fill(TestAccounts.PASSWORD);
            page.locator("#login-submit").click();

            assertThat(page).hasURL(Pattern.compile(".*/console$"));
            assertThat(page.locator("#console-heading")).containsText("您好，browser-admin");
            assertThat(page.locator("#console-role")).hasText("区县教育局管理员");
            assertThat(page.locator("main")).containsText("红谷滩区");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-zh.png")).setFullPage(true));

            page.locator("a[href='/console/district/360113']").click();
            assertThat(page.locator("#district-heading")).containsText("红谷滩区");

            page.locator("#logout").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
            assertThat(page.locator("#login-logout")).isVisible();

            page.navigate(base + "/console");
            assertThat(page).hasURL(Pattern.compile(".*/login$"));

            assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
        }
    }
}
