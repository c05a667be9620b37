package org.xuewei.platform.identity;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The signed-in staff member, as Spring Security holds it. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final StaffAccount account;
    private String passwordHash;

    StaffPrincipal(StaffAccount account, String passwordHash) {
        this.account = account;
        this.passwordHash = passwordHash;
    }

    public StaffAccount account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffPrincipal that && that.account.username().equals(account.username());
    }

    @Override
    public int hashCode() {
        return account.username().hashCode();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + account.username() + ", " + account.role() + "]";
    }
}
