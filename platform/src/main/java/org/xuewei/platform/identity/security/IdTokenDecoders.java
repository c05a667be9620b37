package org.xuewei.platform.identity.security;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ID-token decoders of the parents' sign-in, one per client registration (registration, client id, JWK-set URI),
 * so the city identity provider's signing keys are fetched once and then kept by the decoder's JWK-set cache (5 min,
 * fetched again for an unknown key id). Spring Security's {@link OidcIdTokenDecoderFactory} builds a new decoder for
 * every sign-in: each one fetched {@code /oauth2/jwks} with a 500 ms timeout, and under load those fetches timed out
 * and the sign-ins failed ({@code invalid_id_token}; found by {@code scripts/load/http-check-submit.sh}). Picked up by
 * {@code oauth2Login()} as the context's {@code JwtDecoderFactory<ClientRegistration>}.
 */
@Component
class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String key = registration.getRegistrationId() + " " + registration.getClientId() + " "
                + registration.getProviderDetails().getJwkSetUri();
        return decoders.computeIfAbsent(key, k -> factory.createDecoder(registration));
    }
}
