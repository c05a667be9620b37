package org.xuewei.exchange.idp;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many parents signing in at once: unfinished authorizations saved and looked up by state from many threads. */
class AuthorizationsTests {

    static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    final RegisteredClient client = RegisteredClient.withId("platform").clientId("xuewei-platform")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1:8080/login/oauth2/code/city").build();

    @Test
    void concurrent_sign_ins_save_and_find_their_authorizations() throws Exception {
        Authorizations authorizations = new Authorizations();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> found = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            found.add(pool.submit(() -> {
                int n = 0;
                for (int i = 0; i < 2_000; i++) {
                    String state = "state-" + thread + "-" + i;
                    authorizations.save(OAuth2Authorization.withRegisteredClient(client).id(state).principalName("p" + thread)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .attribute(OAuth2ParameterNames.STATE, state).build());
                    OAuth2Authorization a = authorizations.findByToken(state, STATE);
                    if (a != null && a.getId().equals(state)) {
                        n++;
                    }
                    authorizations.remove(a);
                }
                return n;
            }));
        }
        pool.shutdown();
        for (Future<Integer> f : found) {
            assertThat(f.get()).isEqualTo(2_000);
        }
        assertThat(authorizations.findById("state-0-0")).isNull();
    }
}
