package org.xuewei.platform;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests (the launch setup of {@code web.ShellBrowserTests}): Debian's
 * {@code /usr/bin/chromium} when installed (Playwright cannot download browsers here), else Playwright's own.
 * Close it after the tests.
 */
public final class TestBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** Where browser tests save their screenshots. */
    public static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private TestBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /**
     * Playwright's assertions wait 5 s by default; on a loaded 2-core CI machine a preview or a registry check can take
     * longer, so browser tests wait up to 30 s for what they assert (a test that fails still fails, only later).
     */
    public static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    public static TestBrowser launch() {
        patientAssertions();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (Files.isExecutable(CHROMIUM)) {
            options.setExecutablePath(CHROMIUM)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        }
        return new TestBrowser(playwright, playwright.chromium().launch(options));
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
