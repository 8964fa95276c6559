package org.custodia.accounts.internal;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.custodia.accounts.ApiTokens;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.Text;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: every official creates, lists and revokes their own; an administrator issues tokens to service
 * accounts (other systems) and may revoke any. A token cannot create another token: that takes a password.
 */
@RestController
@RequestMapping("/api")
class TokenApiController {
    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Text(max = 200) String name, @Moment(daysBack = 1, daysAhead = 3660) Instant expiresAt) {
    }

    @PostMapping("/tokens")
    @PreAuthorize(Access.ANY_STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued create(@RequestBody @Valid NewToken t) {
        requirePassword();
        return tokens.issue(Officials.current(), t.name(), t.expiresAt());
    }

    @GetMapping("/tokens")
    @PreAuthorize(Access.ANY_STAFF)
    List<ApiTokens.Token> mine() {
        return tokens.list(Officials.current().username());
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize(Access.ANY_STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id, Officials.current());
    }

    @PostMapping("/accounts/{username}/tokens")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issueForService(@PathVariable String username, @RequestBody @Valid NewToken t) {
        requirePassword();
        return tokens.issueForService(username, t.name(), t.expiresAt(), Officials.current());
    }

    @GetMapping("/accounts/{username}/tokens")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    List<ApiTokens.Token> ofAccount(@PathVariable String username) {
        return tokens.list(username);
    }

    /** A stolen token must not be able to mint longer-lived ones. */
    private static void requirePassword() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokens.Authenticated) {
            throw new AccessDeniedException("A token is created with a password, not with another token");
        }
    }
}
