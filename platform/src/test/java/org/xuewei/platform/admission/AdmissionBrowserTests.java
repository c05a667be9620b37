package org.xuewei.platform.admission;

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
import org.springframework.context.annotation.Import;
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

/** A district admin in a real browser: dry run → ceremony (a wrong value refused) → publish → the public draw page. */
@PlatformTest
@Import(InMemorySources.class)
class AdmissionBrowserTests {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final String DISTRICT = "360104";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;

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
    void a_district_admin_runs_a_dry_run_the_ceremony_and_publishes() throws Exception {
        TestAccounts.ensure(accounts, "adm-browser-admin", StaffRole.DISTRICT_ADMIN, DISTRICT, null);
        Season s = new Season().school("S1", 2, 0).school("S2", 3, 1.5).school("S3", 10, 3);
        for (int i = 1; i <= 12; i++) {
            s.child(String.format("C%02d", i), 1 + i % 4, i % 2 == 0 ? "S1" : "S2");
        }
        InMemorySources.put(DISTRICT, 2041, 1, s);
        String base = "http://127.0.0.1:" + port;
        Files.createDirectories(SCREENSHOTS);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
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
            page.locator("#username").fill("adm-browser-admin");
            page.locator("#password").fill(TestAccounts.PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*/console$"));

            page.navigate(base + "/console/district/" + DISTRICT + "/admission?season=2041&grade=1");
            assertThat(page.locator("#admission-heading")).containsText("青云谱区");
            page.locator("#dry-run").click();
            assertThat(page.locator("#flash")).containsText("试运行完成");
            assertThat(page.locator("table.school-fill").first()).containsText("学校S1");
            page.locator("#dry-run").click();
            assertThat(page.locator("#dry-diff")).containsText("0 名儿童学校变化");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admission-dry-run.png")).setFullPage(true));

            page.locator("#freeze").click();
            assertThat(page.locator("#flash")).containsText("名单已冻结");
            page.locator("input[name=publicValueName]").fill("中国福利彩票双色球第2041050期开奖号码");
            page.locator("button.commit").click();
            assertThat(page.locator("#flash")).containsText("承诺值已公布");

            page.locator("input[name=publicValue]").fill("03 12 <b>");
            page.locator("button.draw").click();
            assertThat(page.locator("#refusal")).containsText("公开值格式不正确");
            page.locator("input[name=publicValue]").fill("03 12 18 22 27 31 + 09");
            page.locator("textarea[name=witnesses]").fill("张三\n公证员 李四");
            page.locator("button.draw").click();
            assertThat(page.locator("#flash")).containsText("摇号完成");

            page.locator("button.publish").click();
            assertThat(page.locator("#flash")).containsText("录取结果已发布");
            assertThat(page.locator(".published")).isVisible();
            page.locator("button.publish").count();
            assertThat(page.locator("button.publish")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admission-published.png")).setFullPage(true));

            String drawPage = page.locator("a[href^='/draws/']").first().getAttribute("href");
            page.navigate(base + drawPage);
            assertThat(page.locator("#draw-state")).hasText("已摇号");
            assertThat(page.locator("#seed")).hasText(Pattern.compile("[0-9a-f]{64}"));
            assertThat(page.locator(".witness")).hasCount(2);
            assertThat(page.locator("#verify-command")).hasText("./xuewei verify --in instance.json --result result.json");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admission-draw-public.png")).setFullPage(true));
            assertThat(consoleErrors).as("browser console errors (e.g. CSP violations)").isEmpty();
        }
    }
}
