package org.xuewei.exchange.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.xuewei.exchange.config.ExchangeProperties;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The city identity provider (like 昌通码) and token issuer of the exchange: registered clients,
 * signing keys, issuer, and the claims (pseudonymous sub, name; id_number only with scope idcard;
 * phone_number only with scope phone).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IdpConfiguration {

    static final String SCOPE_IDCARD = "idcard";
    static final String SCOPE_REGISTRY = "registry.read";
    static final String SCOPE_CATALOG = "catalog.read";
    static final String SCOPE_ADMIN = "exchange.admin";

    @Bean
    RegisteredClientRepository registeredClients(ExchangeProperties properties) {
        ExchangeProperties.Idp idp = properties.idp();
        List<RegisteredClient> clients = new ArrayList<>();
        if (!idp.platformClientSecret().isBlank()) {
            RegisteredClient.Builder b = RegisteredClient.withId("platform")
                    .clientId(idp.platformClientId())
                    .clientName("学位 enrollment platform")
                    .clientSecret("{noop}" + idp.platformClientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.PHONE).scope(SCOPE_IDCARD)
                    .scope(SCOPE_REGISTRY).scope(SCOPE_CATALOG)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10))
                            .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build());
            idp.platformRedirectUris().forEach(b::redirectUri);
            clients.add(b.build());
        }
        if (!idp.adminClientSecret().isBlank()) {
            clients.add(RegisteredClient.withId("admin")
                    .clientId(idp.adminClientId())
                    .clientName("exchange operator")
                    .clientSecret("{noop}" + idp.adminClientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(SCOPE_ADMIN).scope(SCOPE_REGISTRY).scope(SCOPE_CATALOG)
                    .build());
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("No client secrets configured: set XUEWEI_EXCHANGE_PLATFORM_SECRET "
                    + "(and XUEWEI_EXCHANGE_ADMIN_SECRET), or run with --spring.profiles.active=demo");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Most validated access tokens remembered by {@link CachingJwtDecoder} (a client re-uses one for 10 minutes). */
    static final int REMEMBERED_TOKENS = 10_000;

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, Clock clock) {
        return new CachingJwtDecoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource), clock, REMEMBERED_TOKENS);
    }

    /**
     * No Spring Security observations: they wrapped each filter of every request in an observation of its own, and
     * nothing reads them (no tracing here); the HTTP server metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(ExchangeProperties properties) {
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder();
        if (!properties.idp().issuer().isBlank()) {
            b.issuer(properties.idp().issuer());
        }
        return b.build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> cityClaims() {
        return context -> {
            if (context.getPrincipal() != null && context.getPrincipal().getPrincipal() instanceof CityUser user) {
                context.getClaims().claim("name", user.name());
                if (context.getAuthorizedScopes().contains(SCOPE_IDCARD)) {
                    context.getClaims().claim("id_number", user.idNumber());
                }
                if (context.getAuthorizedScopes().contains(OidcScopes.PHONE) && user.phone() != null) {
                    // the number the parent signed in with (verified by the one-time code), for SMS notices
                    context.getClaims().claim("phone_number", user.phone());
                    context.getClaims().claim("phone_number_verified", true);
                }
            }
        };
    }

    /** userinfo: sub and name; id_number only when the access token carries scope idcard. */
    static Function<OidcUserInfoAuthenticationContext, OidcUserInfo> userInfoMapper() {
        return context -> {
            OAuth2Authorization authorization = context.getAuthorization();
            OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
            Map<String, Object> claims = new LinkedHashMap<>();
            if (idToken != null) {
                Map<String, Object> c = idToken.getToken().getClaims();
                claims.put("sub", c.get("sub"));
                if (c.containsKey("name")) {
                    claims.put("name", c.get("name"));
                }
                if (context.getAccessToken().getScopes().contains(SCOPE_IDCARD) && c.containsKey("id_number")) {
                    claims.put("id_number", c.get("id_number"));
                }
                if (context.getAccessToken().getScopes().contains(OidcScopes.PHONE) && c.containsKey("phone_number")) {
                    claims.put("phone_number", c.get("phone_number"));
                    claims.put("phone_number_verified", c.get("phone_number_verified"));
                }
            } else {
                claims.put("sub", authorization.getPrincipalName());
            }
            return new OidcUserInfo(claims);
        };
    }
}
