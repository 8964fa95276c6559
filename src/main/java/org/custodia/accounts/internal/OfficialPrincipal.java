package org.custodia.accounts.internal;

import java.util.Collection;
import java.util.List;
import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in official; authorities are {@code ROLE_<Role>}. */
final class OfficialPrincipal implements UserDetails, CredentialsContainer, Officials.Holder {
    private final Official official;
    private final boolean enabled;
    private final boolean nonLocked;
    private final boolean failedBefore;
    private String passwordHash;

    OfficialPrincipal(Official official, String passwordHash, boolean enabled, boolean nonLocked,
                      boolean failedBefore) {
        this.failedBefore = failedBefore;
        this.official = official;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
    }

    /** Whether failed logins were counted since the last success: only then does a success reset them. */
    boolean failedBefore() {
        return failedBefore;
    }

    /** False during a lockout after failed logins: Spring Security refuses before checking the password. */
    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public Official official() {
        return official;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return official.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return official.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "OfficialPrincipal[" + official.username() + " " + List.copyOf(official.roles()) + "]";
    }
}
