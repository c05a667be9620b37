package org.xuewei.platform.application;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parent's journey in a real browser against the real exchange (its jar, started by this test with a small
 * generated city): the landing page's city-app button → the exchange's demo picker → one-time code shown on the page
 * → back on the platform (OIDC code + PKCE) → the children → one-click check → consent → submit. Nothing is typed.
 * Skipped when {@code exchange/target/xuewei-exchange.jar} is not built (or {@code XUEWEI_EXCHANGE_JAR} names none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class ParentBrowserTests {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");
    static final Path JAR = Paths.get(System.getenv().getOrDefault("XUEWEI_EXCHANGE_JAR", "../exchange/target/xuewei-exchange.jar"));
    static final int PLATFORM_PORT = freePort();
    static final int EXCHANGE_PORT = freePort();
    static final String EXCHANGE = "http://127.0.0.1:" + EXCHANGE_PORT;
    static final String PLATFORM = "http://127.0.0.1:" + PLATFORM_PORT;

    static Process exchange;
    static Path dataDir;
    static Playwright playwright;
    static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PLATFORM_PORT);
        // same host as the exchange: cookies ignore ports, so the platform's session cookie needs its own name
        registry.add("server.servlet.session.cookie.name", () -> "XUEWEI_SESSION");
        registry.add("xuewei.registry.base-url", () -> EXCHANGE);
        registry.add("xuewei.registry.call-timeout", () -> "3s");
        registry.add("xuewei.registry.registry-timeout", () -> "8s");
        String city = "spring.security.oauth2.client.";
        registry.add(city + "registration.city.provider", () -> "city");
        registry.add(city + "registration.city.client-id", () -> "xuewei-platform");
        registry.add(city + "registration.city.client-secret", () -> "demo-platform-secret");
        registry.add(city + "registration.city.authorization-grant-type", () -> "authorization_code");
        registry.add(city + "registration.city.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(city + "registration.city.scope", () -> "openid,profile,idcard");
        registry.add(city + "provider.city.authorization-uri", () -> EXCHANGE + "/oauth2/authorize");
        registry.add(city + "provider.city.token-uri", () -> EXCHANGE + "/oauth2/token");
        registry.add(city + "provider.city.jwk-set-uri", () -> EXCHANGE + "/oauth2/jwks");
        registry.add(city + "provider.city.user-info-uri", () -> EXCHANGE + "/userinfo");
        registry.add(city + "provider.city.user-name-attribute", () -> "sub");
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "exchange jar not built: " + JAR.toAbsolutePath());
        dataDir = Files.createTempDirectory("xuewei-exchange-");
        exchange = new ProcessBuilder("java", "-Xmx768m", "-jar", JAR.toString(), "--spring.profiles.active=demo",
                "--server.port=" + EXCHANGE_PORT, "--xuewei.data-dir=" + dataDir,
                "--xuewei.exchange.city.scale=3000",
                "--xuewei.exchange.idp.issuer=" + EXCHANGE,
                "--xuewei.exchange.idp.platform-redirect-uris=" + PLATFORM + "/login/oauth2/code/city")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("exchange.log").toFile()).start();
        waitUntilUp(Duration.ofMinutes(3));
        org.xuewei.platform.TestBrowser.patientAssertions();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (Files.isExecutable(CHROMIUM)) {
            options.setExecutablePath(CHROMIUM).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (exchange != null) {
            exchange.destroy();
            if (!exchange.waitFor(30, TimeUnit.SECONDS)) {
                exchange.destroyForcibly();
            }
        }
    }

    @Test
    void a_category_1_parent_logs_in_and_submits_without_typing() throws Exception {
        Journey j = journey("category.1", "category-1");
        assertThat(j.status()).isEqualTo("VERIFIED");
        assertThat(j.clicksAfterCode()).isLessThanOrEqualTo(6);
        System.out.printf("login → submitted in %d ms (%d clicks after the code)%n", j.millis(), j.clicksAfterCode());
    }

    @Test
    void a_planted_co_ownership_ends_in_review_with_its_reason() throws Exception {
        Journey j = journey("case.CO_OWNER_NON_DIRECT", "co-owner");
        assertThat(j.status()).isEqualTo("IN_REVIEW");
        assertThat(j.reasons()).contains("CO_OWNER_NON_DIRECT");
    }

    record Journey(String status, List<String> reasons, int clicksAfterCode, long millis) {
    }

    private Journey journey(String sample, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) && m.location() != null && m.location().startsWith(PLATFORM)) {
                    errors.add(m.text());
                }
            });
            try {
                page.navigate(PLATFORM + "/");
                Instant started = Instant.now();
                page.click("#parent-login");                               // the city app
                page.waitForURL(EXCHANGE + "/login**");
                page.click("a[href$='/demo']");                            // demo picker
                page.click("tr[data-label='" + sample + "'] button");      // get a code (shown in demo)
                page.click("#login");                                      // sign in with the code
                page.waitForURL(PLATFORM + "/parent**");
                long signedIn = Duration.between(started, Instant.now()).toMillis();
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("parent-" + name + "-children.png")));
                int clicks = 0;
                page.click(".check-link");                                 // one-click check
                clicks++;
                page.waitForSelector("#submit");
                long checked = Duration.between(started, Instant.now()).toMillis();
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("parent-" + name + "-check.png"))
                        .setFullPage(true));
                page.click("#consent");                                    // consent
                clicks++;
                page.click("#submit");                                     // submit
                clicks++;
                page.waitForURL("**/parent/applications/**");
                long millis = Duration.between(started, Instant.now()).toMillis();
                System.out.printf("%s: signed in at %d ms, checked at %d ms, submitted at %d ms%n", name, signedIn, checked, millis);
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("parent-" + name + "-status.png"))
                        .setFullPage(true));
                String status = page.getAttribute("#status", "data-status");
                List<String> reasons = page.locator(".reason").all().stream().map(l -> l.getAttribute("data-reason")).toList();
                assertThat(errors).as("browser console errors").isEmpty();
                return new Journey(status, reasons, clicks, millis);
            } catch (RuntimeException e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("parent-" + name + "-failed.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    private static void waitUntilUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!exchange.isAlive()) {
                throw new IllegalStateException("the exchange stopped; see " + dataDir.resolve("exchange.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(EXCHANGE + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the exchange did not come up; see " + dataDir.resolve("exchange.log"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
