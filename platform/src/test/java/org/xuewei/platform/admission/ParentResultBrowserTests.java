package org.xuewei.platform.admission;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.TestBrowser;
import org.xuewei.platform.identity.PersonalData;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parent in a real browser: status page (the result part loaded by htmx) → result with its explanation →
 * admission notice PDF download → arrival confirmation. The parent's session: the city app's sign-in is replaced by
 * a test-only endpoint that stores a parent's OIDC authentication in the session (the OIDC flow itself is walked by
 * application's {@code ParentBrowserTests} against the real exchange).
 */
@PlatformTest
@Import({InMemorySources.class, ParentResultBrowserTests.ParentSession.class})
class ParentResultBrowserTests {

    static final String DISTRICT = "360104";
    static final int YEAR = 2065;

    /** Test only: {@code GET /test/parent-session?id=…&next=…} signs the browser in as that parent. */
    @TestConfiguration
    static class ParentSession {
        @Bean
        RouterFunction<ServerResponse> parentSession() {
            return RouterFunctions.route().GET("/test/parent-session", request -> {
                String id = request.param("id").orElseThrow();
                OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(3600),
                        Map.of("sub", "b" + id.hashCode(), "id_number", id, "name", "家长"));
                var authorities = List.of(new SimpleGrantedAuthority("ROLE_PARENT"));
                var auth = new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token), authorities, "city");
                request.servletRequest().getSession(true).setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(auth));
                String next = request.param("next").filter(n -> n.startsWith("/parent/")).orElse("/parent");
                return ServerResponse.status(303).location(URI.create(next)).build();
            }).build();
        }
    }

    static TestBrowser chromium;

    @LocalServerPort int port;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalData personal;
    @Autowired LotteryDraws draws;
    @Autowired Publication publication;

    @BeforeAll
    static void launch() {
        chromium = TestBrowser.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_parent_reads_the_result_downloads_the_notice_and_confirms_arrival() throws Exception {
        StaffAccount admin = TestAccounts.ensure(accounts, "res-browser-admin", StaffRole.DISTRICT_ADMIN, DISTRICT, null)
                .account();
        String guardian = "3601" + String.format("%013d", System.nanoTime() % 10_000_000_000_000L) + "X";
        String childId = "3601" + String.format("%013d", (System.nanoTime() + 7) % 10_000_000_000_000L) + "X";
        String number = "RB" + (System.nanoTime() % 1_000_000_000L);
        UUID id = application(guardian, childId, number);
        InMemorySources.put(DISTRICT, YEAR, 1, new Season().school("S1", 3, 0).school("S2", 10, 2)
                .child(number, 1, "S1").child("Y1", 2, "S1").child("Y2", 3, "S1").child("Y3", 3, "S1"));
        long drawId = draws.freeze(admin, DISTRICT, YEAR, 1, "");
        draws.commit(admin, drawId, "browser public value");
        publication.publish(admin, draws.draw(admin, drawId, "05 06 07", List.of()),
                InMemorySources.CLOCK.instant().plus(Duration.ofDays(3)));

        String base = "http://127.0.0.1:" + port;
        Files.createDirectories(TestBrowser.SCREENSHOTS);
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN").setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            page.navigate(base + "/test/parent-session?id=" + guardian + "&next=/parent/applications/" + id);
            // the status page loads the result part with htmx
            page.locator("#result-school").waitFor();
            assertThat(page.locator("#status").getAttribute("data-status")).isEqualTo("PUBLISHED");
            assertThat(page.locator("#result-school").textContent()).isEqualTo("学校S1");
            assertThat(page.locator("#result-explanation").textContent()).contains("按第1志愿派位录取到学校S1");
            page.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.SCREENSHOTS.resolve("parent-result.png"))
                    .setFullPage(true));

            Download download = page.waitForDownload(() -> page.locator("#notice-download").click());
            byte[] pdf = Files.readAllBytes(download.path());
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

            page.locator("#confirm").click();
            page.locator("#result-done").waitFor();
            assertThat(page.locator("#result-done").textContent()).isEqualTo("已确认报到。");
            assertThat(page.locator("#status").getAttribute("data-status")).isEqualTo("CONFIRMED");
            assertThat(page.locator("#confirm").count()).isZero();
            assertThat(page.locator("#confirm-waiting").count()).isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(TestBrowser.SCREENSHOTS.resolve("parent-confirmed.png"))
                    .setFullPage(true));
        }
        assertThat(errors).as("browser console errors (CSP violations among them)").isEmpty();
    }

    UUID application(String guardian, String childId, String number) {
        return VerifiedApplications.insert(jdbc, personal, guardian, childId, number, YEAR, DISTRICT, "C1");
    }
}
