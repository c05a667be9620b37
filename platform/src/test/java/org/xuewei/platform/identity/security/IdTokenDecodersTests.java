package org.xuewei.platform.identity.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Parents' sign-ins share one ID-token decoder per registration: the provider's keys are fetched once, not per sign-in. */
class IdTokenDecodersTests {

    final AtomicInteger fetches = new AtomicInteger();
    HttpServer provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void many_sign_ins_fetch_the_providers_keys_once() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        ClientRegistration city = registration("xuewei-platform");
        IdTokenDecoders decoders = new IdTokenDecoders();

        for (int i = 0; i < 5; i++) {
            assertThat(decoders.createDecoder(city).decode(idToken(key, "parent-" + i)).getSubject()).isEqualTo("parent-" + i);
        }
        assertThat(fetches).hasValue(1);
        assertThat(decoders.createDecoder(city)).isSameAs(decoders.createDecoder(registration("xuewei-platform")));
        assertThat(decoders.createDecoder(registration("another-client"))).isNotSameAs(decoders.createDecoder(city));
    }

    ClientRegistration registration(String clientId) {
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        return ClientRegistration.withRegistrationId("city").clientId(clientId).clientSecret("s")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
                .authorizationUri(base + "/oauth2/authorize").tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/oauth2/jwks").userNameAttributeName("sub").build();
    }

    static String idToken(RSAKey key, String subject) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("http://127.0.0.1").subject(subject).audience("xuewei-platform")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
