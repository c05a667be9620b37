package org.xuewei.exchange.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The token cache against a real RS256 signer and verifier, on a clock the test moves. */
class CachingJwtDecoderTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-05-01T08:00:00Z"));
    /** A clock the test moves forward. */
    private final Clock clock = mock(Clock.class);
    private final AtomicInteger verified = new AtomicInteger();
    private NimbusJwtEncoder encoder;
    private CachingJwtDecoder decoder;

    @BeforeEach
    void keys() throws Exception {
        when(clock.instant()).thenAnswer(i -> now.get());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var pair = g.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).keyID("k1").build();
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        JwtDecoder counting = token -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new CachingJwtDecoder(counting, clock, 3);
    }

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    private String token(String subject, Instant notBefore, Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(clock.instant()).expiresAt(expiresAt);
        if (notBefore != null) {
            claims.notBefore(notBefore);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
    }

    @Test
    void aValidTokenIsVerifiedOnceAndThenReused() {
        String t = token("xuewei-platform", null, clock.instant().plusSeconds(600));
        Jwt first = decoder.decode(t);
        Jwt again = decoder.decode(t);
        assertThat(again.getSubject()).isEqualTo("xuewei-platform");
        assertThat(again).isSameAs(first);
        assertThat(verified).hasValue(1);
    }

    @Test
    void aTamperedSignatureIsRefusedEvenAfterTheGenuineTokenWasRemembered() {
        String t = token("xuewei-platform", null, clock.instant().plusSeconds(600));
        decoder.decode(t);
        String[] parts = t.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void anAlteredClaimWithTheGenuineSignatureIsRefused() {
        String t = token("xuewei-platform", null, clock.instant().plusSeconds(600));
        decoder.decode(t);
        String[] parts = t.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("xuewei-platform", "xuewei-exchange-admin");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> decoder.decode(altered)).isInstanceOf(JwtException.class);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String t = token("xuewei-platform", null, clock.instant().plusSeconds(600));
        decoder.decode(t);
        advance(Duration.ofSeconds(599));
        assertThat(decoder.decode(t).getSubject()).isEqualTo("xuewei-platform");
        advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> decoder.decode(t)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenNotYetValidIsNeitherAcceptedNorRemembered() {
        String t = token("xuewei-platform", clock.instant().plusSeconds(60), clock.instant().plusSeconds(600));
        assertThatThrownBy(() -> decoder.decode(t)).isInstanceOf(JwtException.class);
        assertThat(decoder.size()).isZero();
        advance(Duration.ofSeconds(60));
        assertThat(decoder.decode(t).getSubject()).isEqualTo("xuewei-platform");
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void atMostMaxEntriesAreRememberedAndEveryTokenStillDecodes() {
        for (int i = 0; i < 7; i++) {
            String t = token("client-" + i, null, clock.instant().plusSeconds(600));
            assertThat(decoder.decode(t).getSubject()).isEqualTo("client-" + i);
            assertThat(decoder.size()).isBetween(1, 3);
        }
        String expiring = token("short", null, clock.instant().plusSeconds(5));
        decoder.decode(expiring);
        advance(Duration.ofSeconds(10));
        decoder.decode(token("fresh", null, clock.instant().plusSeconds(600)));
        assertThatThrownBy(() -> decoder.decode(expiring)).isInstanceOf(JwtException.class);
    }
}
