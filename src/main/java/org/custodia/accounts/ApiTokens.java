package org.custodia.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for scripts and integrations. A token is {@code cst_} and 256 random bits; only its SHA-256 is
 * kept, so checking one is a single indexed look-up (no password hash per request). A token carries its account's
 * roles and scope as they are at each request, and every action is the account's. Creation and revocation are on
 * the national chain.
 */
@Service
public class ApiTokens {
    public static final String PREFIX = "cst_";
    /** The longest a token may live. */
    public static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never its secret. */
    public record Token(long id, String account, String name, Instant createdAt, String createdBy,
                        Instant expiresAt, Instant revokedAt, String revokedBy) {
    }

    /** The answer to creating a token: the secret, shown this once. */
    public record Issued(long id, String token, String name, String account, Instant expiresAt) {
    }

    private final JdbcClient client;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient client, AccountService accounts, Clock clock, ApplicationEventPublisher events) {
        this.client = client;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** An official's own token. */
    @Transactional
    public Issued issue(Official owner, String name, Instant expiresAt) {
        return issue(accounts.find(owner.username()), name, expiresAt, owner);
    }

    /** An administrator's token for a service account (another system). */
    @Transactional
    public Issued issueForService(String username, String name, Instant expiresAt, Official admin) {
        AccountView a = accounts.find(username);
        if (a == null) {
            throw new NotFoundException("No account " + username);
        }
        if (!a.service()) {
            throw new ConflictException("Tokens for a person's account are created by that person; this one is not "
                    + "a service account");
        }
        return issue(a, name, expiresAt, admin);
    }

    private Issued issue(AccountView a, String name, Instant expiresAt, Official by) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "required: what the token is for, at most 100 characters");
        }
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            errors.put("expiresAt", "required: after now and within " + MAX_DAYS + " days");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The token cannot be created", errors);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = client.sql("""
                        insert into api_token (account_id, name, secret_sha256, created_at, created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(a.id(), name.strip(), sha256(token), Timestamp.from(now), by.username(),
                        Timestamp.from(expiresAt))
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("token", id);
        details.put("name", name.strip());
        details.put("expiresAt", expiresAt.toString());
        events.publishEvent(new AccountEvent("TOKEN_CREATED", a.username(), by.username(), by.rolesText(), details,
                now));
        return new Issued(id, token, name.strip(), a.username(), expiresAt);
    }

    /** The official's own tokens, or an administrator's view of any account's. */
    @Transactional(readOnly = true)
    public List<Token> list(String username) {
        return client.sql("""
                        select t.id, a.username, t.name, t.created_at, t.created_by, t.expires_at, t.revoked_at,
                               t.revoked_by
                          from api_token t join account a on a.id = t.account_id
                         where a.username = ? order by t.id desc limit 500""")
                .param(username)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** Revoked by its owner, or by an administrator; from then on it authenticates nobody. */
    @Transactional
    public void revoke(long id, Official by) {
        Optional<String> owner = client.sql("select a.username from api_token t join account a on a.id = t.account_id "
                + "where t.id = ? for update of t").param(id).query(String.class).optional();
        if (owner.isEmpty() || !(owner.get().equals(by.username()) || by.has(Role.ADMIN))) {
            throw new NotFoundException("No token " + id);
        }
        Instant now = clock.instant();
        int n = client.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(now), by.username(), id).update();
        if (n == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Token " + id + " was already revoked");
        }
        events.publishEvent(new AccountEvent("TOKEN_REVOKED", owner.get(), by.username(), by.rolesText(),
                Map.of("token", id), now));
    }

    /**
     * The account a presented token stands for, if the token is known and in force and its account enabled: one
     * statement, no transaction (this runs on every request that carries a token).
     */
    public Optional<AccountView> accountOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return accounts.byToken(sha256(token), clock.instant());
    }

    static String sha256(String token) {
        return org.custodia.platform.Sha256.hex(token);
    }
}
