package org.xuewei.exchange.idp;

import org.junit.jupiter.api.Test;
import org.xuewei.exchange.ExchangeTestSupport;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real-name login end to end over HTTP: authorization code + PKCE, tokens, userinfo, refresh. */
class OidcLoginTests extends ExchangeTestSupport {

    static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/city";

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    @Test
    void discoveryAndJwksArePublished() throws Exception {
        JsonNode discovery = json(get("/.well-known/openid-configuration", null, null));
        assertThat(discovery.get("authorization_endpoint").asString()).endsWith("/oauth2/authorize");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
        JsonNode jwks = json(get("/oauth2/jwks", null, null));
        assertThat(jwks.get("keys").size()).isEqualTo(1);
    }

    @Test
    void aGuardianLogsInWithPhoneAndCodeAndThePlatformGetsTokens() throws Exception {
        Map<String, Object> guardian = jdbc.sql("""
                        select p.phone, p.name, p.id_number from exchange.family f join exchange.person p on p.id_number = f.guardian_id
                        where f.category = 1 and f.cases = '' order by f.family_no limit 1""").query().singleRow();
        String phone = (String) guardian.get("phone");

        String verifier = "verifier-" + "x".repeat(50);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "xuewei-platform",
                "scope", "openid profile phone idcard", "redirect_uri", REDIRECT, "state", "st-1", "nonce", "n-1",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> r = page("GET", authorize, null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).endsWith("/login");

        HttpResponse<String> demo = page("GET", "/demo", null);
        assertThat(demo.body()).contains(phone).doesNotContain((String) guardian.get("id_number"));

        HttpResponse<String> login = page("GET", "/login", null);
        r = page("POST", "/login/code", Map.of("phone", phone, "_csrf", csrf(login.body())));
        assertThat(r.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = page("GET", location(r), null);
        Matcher code = Pattern.compile("id=\"code\"[^>]*value=\"(\\d{6})\"").matcher(withCode.body());
        assertThat(code.find()).as(withCode.body()).isTrue();

        r = page("POST", "/login", Map.of("phone", phone, "code", code.group(1), "_csrf", csrf(withCode.body())));
        assertThat(r.statusCode()).isEqualTo(302);
        r = page("GET", location(r), null);
        assertThat(r.statusCode()).isEqualTo(302);
        String callback = location(r);
        assertThat(callback).startsWith(REDIRECT).contains("state=st-1");
        String authCode = URLDecoder(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"));

        HttpResponse<String> tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", authCode,
                "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode t = json(tokens);
        JsonNode idToken = claims(t.get("id_token").asString());
        assertThat(idToken.get("sub").asString()).startsWith("c").hasSize(32).doesNotContain(phone);
        assertThat(idToken.get("name").asString()).isEqualTo(guardian.get("name"));
        assertThat(idToken.get("id_number").asString()).isEqualTo(guardian.get("id_number"));
        assertThat(idToken.get("nonce").asString()).isEqualTo("n-1");
        assertThat(idToken.get("phone_number").asString()).isEqualTo(phone);

        HttpResponse<String> userinfo = get("/userinfo", t.get("access_token").asString(), null);
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(json(userinfo).get("id_number").asString()).isEqualTo(guardian.get("id_number"));
        assertThat(json(userinfo).get("phone_number").asString()).isEqualTo(phone);

        HttpResponse<String> refreshed = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", t.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).get("access_token").asString()).isNotBlank();

        // same person, without scope idcard: same subject, no ID number
        r = page("GET", "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "xuewei-platform",
                "scope", "openid profile", "redirect_uri", REDIRECT, "state", "st-2",
                "code_challenge", challenge, "code_challenge_method", "S256")), null);
        String second = URLDecoder(location(r).replaceAll(".*[?&]code=([^&]+).*", "$1"));
        JsonNode t2 = json(tokenRequest(Map.of("grant_type", "authorization_code", "code", second, "redirect_uri", REDIRECT,
                "code_verifier", verifier)));
        JsonNode id2 = claims(t2.get("id_token").asString());
        assertThat(id2.get("sub").asString()).isEqualTo(idToken.get("sub").asString());
        assertThat(id2.has("id_number")).isFalse();
        assertThat(id2.has("phone_number")).as("no phone number without scope phone").isFalse();
    }

    @Test
    void withoutPkceTheAuthorizationRequestIsRefused() throws Exception {
        HttpResponse<String> r = page("GET", "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "xuewei-platform",
                "scope", "openid", "redirect_uri", REDIRECT, "state", "s")), null);
        assertThat(r.statusCode()).isIn(302, 400);
        if (r.statusCode() == 302) {
            assertThat(location(r)).contains("error=");
        }
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        String phone = jdbc.sql("select guardian_phone from exchange.family order by family_no limit 1").query(String.class).single();
        HttpResponse<String> login = page("GET", "/login", null);
        HttpResponse<String> r = page("POST", "/login", Map.of("phone", phone, "code", "000000", "_csrf", csrf(login.body())));
        assertThat(location(r)).endsWith("/login?error");
    }

    private HttpResponse<String> tokenRequest(Map<String, String> params) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("xuewei-platform:test-platform-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
    }

    private HttpResponse<String> page(String method, String pathOrUrl, Map<String, String> formData) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : url(pathOrUrl));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/html");
        if (method.equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(formData)));
        } else {
            b.GET();
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location, status " + r.statusCode()));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf token in page").isTrue();
        return m.group(1);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String URLDecoder(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
