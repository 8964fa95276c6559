package org.custodia.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.custodia.accounts.ApiTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Bearer-token authentication with Spring Security's own {@code AuthenticationFilter}: this class only says how a
 * token is read from a request and which official it stands for. The official's roles and scope are read afresh
 * at every request, so a role change or a disabled account takes effect at once.
 */
final class BearerTokens {
    private BearerTokens() {
    }

    /** A token as presented, before it is checked; its name is never the secret. */
    static final class Presented extends AbstractAuthenticationToken {
        private final String token;

        Presented(String token) {
            super(List.of());
            this.token = token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "bearer-token";
        }
    }

    /** An official authenticated by a token: the principal is the official, as with a password. */
    static final class Authenticated extends AbstractAuthenticationToken {
        private final OfficialPrincipal principal;

        Authenticated(OfficialPrincipal principal) {
            super(principal.getAuthorities());
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }

    /** Refused token: unknown, revoked, expired, or its account disabled. */
    static final class Rejected extends AuthenticationException {
        Rejected() {
            super("The token is not valid");
        }
    }

    static AuthenticationConverter converter() {
        return (HttpServletRequest req) -> {
            String auth = req.getHeader("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return new Presented(auth.substring(7).strip());
        };
    }

    static AuthenticationProvider provider(ApiTokens tokens) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                return new Authenticated(OfficialUserDetailsService.principal(
                        tokens.accountOf((String) a.getCredentials()).orElseThrow(Rejected::new), null));
            }

            @Override
            public boolean supports(Class<?> type) {
                return Presented.class.isAssignableFrom(type);
            }
        };
    }
}
