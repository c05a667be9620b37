package org.xuewei.platform.identity.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.xuewei.platform.identity.ParentLogin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Everyone signed in through the city app is a parent (家长); staff never sign in there. */
class ParentAuthorities implements GrantedAuthoritiesMapper {

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        List<GrantedAuthority> mapped = new ArrayList<>(authorities);
        mapped.add(new SimpleGrantedAuthority("ROLE_" + ParentLogin.ROLE));
        return mapped;
    }
}
