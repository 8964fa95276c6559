package org.custodia.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.accounts.AccountEvent;
import org.custodia.accounts.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed password logins (form and HTTP Basic), counted from Spring Security's authentication events and kept in
 * PostgreSQL, so that a restart clears nothing: per account (a lockout, lifted by time or by an administrator) and
 * per client address (no password attempts for a while). Each lockout is in the log and on the national chain.
 */
@Component
class LoginAttempts {
    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** A client address that may not try a password now, and until when. */
    record Block(String address, Instant until, int failures) {
    }

    private final JdbcClient client;
    private final LockoutProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    LoginAttempts(JdbcClient client, LockoutProperties props, Clock clock, TransactionTemplate tx,
                  ApplicationEventPublisher events) {
        this.client = client;
        this.props = props;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        String username = e.getAuthentication().getName();
        String address = address(e.getAuthentication().getDetails());
        tx.executeWithoutResult(s -> {
            accountFailed(username, address);
            if (address != null) {
                addressFailed(address);
            }
        });
    }

    /** A password that worked ends the run of failures (tokens and sessions are not password logins). */
    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        // no write on the hot path: only when the account had failures counted
        if (e.getAuthentication() instanceof UsernamePasswordAuthenticationToken t
                && t.getPrincipal() instanceof OfficialPrincipal p && p.failedBefore()) {
            client.sql("update account set failed_logins = 0 where username = ? and failed_logins > 0")
                    .param(t.getName()).update();
        }
    }

    private void accountFailed(String username, String address) {
        Instant now = clock.instant();
        Optional<Integer> failures = client.sql("""
                        update account set failed_logins = failed_logins + 1
                         where username = ? and (locked_until is null or locked_until <= ?) returning failed_logins""")
                .params(username, Timestamp.from(now)).query(Integer.class).optional();
        if (failures.isEmpty() || failures.get() < props.accountFailures()) {
            return;
        }
        Instant until = now.plus(Duration.ofMinutes(props.accountMinutes()));
        client.sql("update account set locked_until = ?, failed_logins = 0 where username = ?")
                .params(Timestamp.from(until), username).update();
        client.sql("""
                        insert into account_change (account_id, kind, changed_by, changed_at, detail)
                        select id, 'ACCOUNT_LOCKED', ?, ?, ? from account where username = ?""")
                .params(AccountService.SYSTEM, Timestamp.from(now), failures.get() + " failed logins", username)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failedLogins", failures.get());
        details.put("lockedUntil", until.toString());
        details.put("lastAddress", address);
        events.publishEvent(new AccountEvent("ACCOUNT_LOCKED", username, AccountService.SYSTEM, "SYSTEM", details,
                now));
        log.warn("Account '{}' locked until {} after {} failed logins (last from {})", username, until,
                failures.get(), address);
    }

    private void addressFailed(String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(Duration.ofMinutes(props.addressWindowMinutes()));
        int failures = client.sql("""
                        insert into login_throttle (address, failures, window_start) values (?, 1, ?)
                        on conflict (address) do update set
                            failures = case when login_throttle.window_start < ? then 1 else login_throttle.failures + 1 end,
                            window_start = case when login_throttle.window_start < ? then excluded.window_start
                                                else login_throttle.window_start end
                        returning failures""")
                .params(address, Timestamp.from(now), Timestamp.from(windowStart), Timestamp.from(windowStart))
                .query(Integer.class).single();
        if (failures != props.addressFailures()) {
            return;
        }
        Instant until = now.plus(Duration.ofMinutes(props.addressMinutes()));
        client.sql("update login_throttle set blocked_until = ? where address = ?").params(Timestamp.from(until),
                address).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", address);
        details.put("failedLogins", failures);
        details.put("blockedUntil", until.toString());
        events.publishEvent(new AccountEvent("LOGIN_ADDRESS_BLOCKED", null, AccountService.SYSTEM, "SYSTEM",
                details, now));
        log.warn("Password logins from {} refused until {} after {} failures in {} minutes", address, until,
                failures, props.addressWindowMinutes());
    }

    /** When the address may try a password again, if it may not now. */
    Optional<Instant> blockedUntil(String address) {
        return client.sql("select blocked_until from login_throttle where address = ? and blocked_until > ?")
                .params(address, Timestamp.from(clock.instant())).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    List<Block> blocks() {
        return client.sql("select address, blocked_until, failures from login_throttle where blocked_until > ? "
                        + "order by blocked_until desc limit 1000")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Block(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3))).list();
    }

    /** An administrator lets the address try again; the lift is on the national chain. */
    boolean lift(String address, String reason, org.custodia.platform.Official by) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            int n = client.sql("update login_throttle set blocked_until = null, failures = 0 where address = ? "
                    + "and blocked_until > ?").params(address, Timestamp.from(clock.instant())).update();
            if (n > 0) {
                events.publishEvent(new AccountEvent("LOGIN_ADDRESS_UNBLOCKED", null, by.username(), by.rolesText(),
                        Map.of("address", address, "reason", reason), clock.instant()));
            }
            return n > 0;
        }));
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }
}
