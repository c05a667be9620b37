package org.xuewei.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages through the real servlet container (MockMvc does not render error pages). */
@PlatformTest
class ErrorPagesTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;

    @Test
    void an_unknown_path_gets_a_404_page_in_the_users_language_without_a_stack_trace() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> chinese = client.send(get("/no/such/page"), HttpResponse.BodyHandlers.ofString());
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.body()).contains("页面不存在").doesNotContain("Exception", "at org.", "Whitelabel");

        client.send(get("/?lang=en"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> english = client.send(get("/no/such/page"), HttpResponse.BodyHandlers.ofString());
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found").doesNotContain("页面不存在", "Exception");
    }

    @Test
    void a_school_account_gets_a_localized_403_page_for_a_district_admin_page() throws Exception {
        TestAccounts.ensure(accounts, "err-school", StaffRole.SCHOOL, "360102", "school-err");
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=err-school&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

        HttpResponse<String> denied = client.send(get("/console/district/360103"), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("无权访问").doesNotContain("Exception", "at org.");
    }

    @Test
    void a_forged_csrf_token_gets_the_403_page() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y&_csrf=forged")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("无权访问");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
