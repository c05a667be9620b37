package org.xuewei.exchange.idp;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Real-name login: mobile number (username field) + one-time code (password field). */
@Component
class PhoneCodeAuthenticationProvider implements AuthenticationProvider {

    private final OneTimeCodes codes;
    private final CityUsers users;

    PhoneCodeAuthenticationProvider(OneTimeCodes codes, CityUsers users) {
        this.codes = codes;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String phone = String.valueOf(authentication.getPrincipal()).trim();
        String code = String.valueOf(authentication.getCredentials()).trim();
        if (!codes.verify(phone, code)) {
            throw new BadCredentialsException("wrong or expired code");
        }
        CityUser user = users.byPhone(phone).orElseThrow(() -> new BadCredentialsException("no real-name account"));
        // the one-time code is the authentication factor; its time becomes the ID token's auth_time
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.OTT_AUTHORITY).issuedAt(Instant.now()).build());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
