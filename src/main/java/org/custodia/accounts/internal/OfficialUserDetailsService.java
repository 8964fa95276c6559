package org.custodia.accounts.internal;

import org.custodia.accounts.AccountView;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** One user store for form login and HTTP Basic. */
@Component
class OfficialUserDetailsService implements UserDetailsService {
    private final JdbcClient client;
    private final org.custodia.accounts.AccountService accounts;

    OfficialUserDetailsService(JdbcClient client, org.custodia.accounts.AccountService accounts) {
        this.client = client;
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountView a = accounts.find(username);
        if (a == null) {
            throw new UsernameNotFoundException("unknown account");
        }
        String hash = client.sql("select password_hash from account where id = ?").param(a.id()).query(String.class)
                .single();
        return principal(a, hash);
    }

    /** The official as Spring Security holds them; {@code hash} is null for a token (no password involved). */
    static OfficialPrincipal principal(AccountView a, String hash) {
        return new OfficialPrincipal(
                new Official(a.username(), a.displayName(), a.roles(), a.national(), a.facilities()), hash,
                a.enabled(), !a.locked(), a.failedLogins() > 0);
    }
}
