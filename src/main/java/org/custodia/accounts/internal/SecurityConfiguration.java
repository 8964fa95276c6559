package org.custodia.accounts.internal;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.custodia.accounts.ApiTokens;
import org.custodia.platform.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Deny by default: every request needs an authenticated official, and every handler also carries its own role
 * rule ({@code @PreAuthorize}); a test fails the build when one does not. The API takes bearer tokens or HTTP
 * Basic, without sessions; the UI uses form login with CSRF protection. Password attempts from an address that
 * failed too often are refused before any password is checked.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottleFilter loginThrottleFilter(LoginAttempts attempts, java.time.Clock clock) {
        return new LoginThrottleFilter(attempts, clock);
    }

    /** The filter runs in the security chains only, not a second time as a plain servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottleFilter> loginThrottleRegistration(
            LoginThrottleFilter filter) {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        r.setEnabled(false);
        return r;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LoginThrottleFilter throttle, ApiTokens tokens) throws Exception {
        // Bearer tokens through Spring Security's generic AuthenticationFilter; no session, no redirect
        AuthenticationFilter bearer = new AuthenticationFilter(
                new ProviderManager(BearerTokens.provider(tokens)), BearerTokens.converter());
        bearer.setSuccessHandler((req, res, auth) -> { });
        bearer.setFailureHandler((req, res, ex) -> {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"Custodia\", error=\"invalid_token\"");
            problem(res, ErrorCode.INVALID_TOKEN, "The token is unknown, expired or revoked");
        });
        http.securityMatcher("/api/**")
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Custodia\"");
                    problem(res, ErrorCode.UNAUTHENTICATED, ex instanceof LockedException
                            ? "This account is locked after failed logins; try later or ask an administrator"
                            : "Authentication is required");
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"Custodia\"");
                            problem(res, ErrorCode.UNAUTHENTICATED, "Authentication is required");
                        })
                        .accessDeniedHandler((req, res, ex) ->
                                problem(res, ErrorCode.FORBIDDEN, "Your duties do not include this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic: no session cookie for a forged request to ride on.
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, LoginThrottleFilter throttle) throws Exception {
        http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                // lets tools fetch the OpenAPI description with the same credentials as the API
                .httpBasic(withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(withDefaults());
        return http.build();
    }

    /** A refusal before any controller runs, as problem+json with its stable code (texts are ours, never input). */
    static void problem(HttpServletResponse res, ErrorCode error, String detail) throws java.io.IOException {
        int status = error.status();
        String code = error.code();
        String title = org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write("{\"type\":\"urn:custodia:problem:" + code + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
    }
}
