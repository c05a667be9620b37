package org.xuewei.platform.identity.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.xuewei.platform.identity.ParentSignedIn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent's sign-in through the city app announces the parent with the {@code phone_number} claim, if any. */
class ParentLoginSuccessTests {

    final List<Object> events = new ArrayList<>();
    final ParentLoginSuccess success = new ParentLoginSuccess(events::add);

    MockHttpServletResponse signIn(String phone) throws Exception {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "p-1", "id_number", "360102198001011234", "name", "家长"));
        if (phone != null) {
            claims.put("phone_number", phone);
        }
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_PARENT")),
                new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims));
        MockHttpServletResponse response = new MockHttpServletResponse();
        success.onAuthenticationSuccess(new MockHttpServletRequest(), response,
                new OAuth2AuthenticationToken(user, user.getAuthorities(), "city"));
        return response;
    }

    @Test
    void the_phone_claim_goes_with_the_sign_in_and_the_parent_lands_on_the_parent_pages() throws Exception {
        MockHttpServletResponse response = signIn(" 13800138000 ");

        assertThat(response.getRedirectedUrl()).isEqualTo("/parent");
        assertThat(events).singleElement().isInstanceOfSatisfying(ParentSignedIn.class, e -> {
            assertThat(e.parent().idNumber()).isEqualTo("360102198001011234");
            assertThat(e.phoneNumber()).isEqualTo("13800138000");
            assertThat(e.toString()).contains("138****8000").doesNotContain("13800138000").doesNotContain("360102198001011234");
        });
    }

    @Test
    void without_the_phone_scope_the_sign_in_says_no_phone() throws Exception {
        signIn(null);

        assertThat(events).singleElement().isInstanceOfSatisfying(ParentSignedIn.class,
                e -> assertThat(e.phoneNumber()).isNull());
    }
}
