package org.custodia.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses password attempts (HTTP Basic, the login form) from a client address that failed too often, before any
 * password is checked: 429 with Retry-After. Other requests (a session, a bearer token) pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginAttempts attempts;
    private final Clock clock;

    LoginThrottleFilter(LoginAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (triesPassword(req)) {
            Optional<Instant> until = attempts.blockedUntil(req.getRemoteAddr());
            if (until.isPresent()) {
                long seconds = Math.max(1, Duration.between(clock.instant(), until.get()).toSeconds());
                res.setHeader("Retry-After", Long.toString(seconds));
                if (req.getRequestURI().startsWith("/api/")) {
                    SecurityConfiguration.problem(res, org.custodia.platform.ErrorCode.LOGIN_THROTTLED,
                            "Too many failed logins from this address; try again later");
                } else {
                    res.sendRedirect(req.getContextPath() + "/login?blocked");
                }
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static boolean triesPassword(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        return (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6))
                || ("POST".equals(req.getMethod()) && "/login".equals(req.getServletPath()));
    }
}
