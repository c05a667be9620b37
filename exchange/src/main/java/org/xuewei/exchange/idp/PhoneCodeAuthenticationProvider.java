package org.xuewei.exchange.idp;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
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
        return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.createAuthorityList("ROLE_RESIDENT"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
