package org.custodia.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.FacilityDirectory;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, lists and changes staff accounts. Every change is an {@link AccountEvent} (the ledger writes it on the
 * national chain in the same transaction) and a row of {@code account_change}, so that four-eyes checks know who
 * has held which account.
 */
@Service
public class AccountService {
    /** Who acts when Custodia itself opens an account (the administrator at first start, the demo). */
    public static final String SYSTEM = "sistema";

    private final JdbcClient client;
    private final PasswordEncoder encoder;
    private final FacilityDirectory facilities;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;

    private final RecordCheck check;

    AccountService(JdbcClient client, PasswordEncoder encoder, FacilityDirectory facilities, Clock clock,
                   PasswordPolicy policy, ApplicationEventPublisher events, RecordCheck check) {
        this.check = check;
        this.client = client;
        this.encoder = encoder;
        this.facilities = facilities;
        this.clock = clock;
        this.policy = policy;
        this.events = events;
    }

    /** Opened by Custodia itself (first start, demo). */
    @Transactional
    public AccountView create(NewAccount a) {
        return create(a, SYSTEM, "SYSTEM", null);
    }

    /**
     * Several opened by Custodia itself at once (the demo's): their passwords are hashed on every core first, a
     * deliberately slow step that was half a second of the demo's load.
     */
    @Transactional
    public List<AccountView> createAll(List<NewAccount> accounts) {
        List<String> hashes = accounts.parallelStream()
                .map(a -> a.service() || a.password() == null ? null : encoder.encode(a.password())).toList();
        List<AccountView> opened = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            opened.add(create(accounts.get(i), SYSTEM, "SYSTEM", hashes.get(i)));
        }
        return opened;
    }

    @Transactional
    public AccountView create(NewAccount a, Official by) {
        return create(a, by.username(), by.rolesText(), null);
    }

    /** {@code hash}: the password already hashed, or null to hash it here. */
    private AccountView create(NewAccount a, String by, String byRoles, String hash) {
        Map<String, String> errors = new LinkedHashMap<>(check.problems(a));
        String weak = a.service() ? (a.password() == null ? null : "a service account has no password")
                : policy.problem(a.username(), a.password());
        if (weak != null) {
            errors.put("password", weak);
        }
        checkRoles(a.roles(), errors);
        Set<String> scope = a.facilities() == null ? Set.of() : a.facilities();
        checkScope(a.national(), scope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The account cannot be opened", errors);
        }
        if (exists(a.username())) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS,
                    "An account named '" + a.username() + "' already exists");
        }
        Instant now = clock.instant();
        // a service account's password is a random secret nobody is told: it acts by token only
        String password = a.service() ? org.custodia.platform.SecretFiles.randomPassword()
                + org.custodia.platform.SecretFiles.randomPassword() : a.password();
        long id = client.sql("""
                        insert into account (username, display_name, password_hash, national_scope, created_at,
                                             created_by, password_changed_at, service)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(a.username(), a.displayName().strip(), hash != null ? hash : encoder.encode(password),
                        a.national(),
                        Timestamp.from(now), by, Timestamp.from(now), a.service())
                .query(Long.class).single();
        writeRoles(id, a.roles());
        writeScope(id, scope);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", new TreeSet<>(a.roles().stream().map(Enum::name).toList()));
        details.put("national", a.national());
        details.put("facilities", new TreeSet<>(scope));
        details.put("service", a.service());
        events.publishEvent(new AccountEvent("ACCOUNT_OPENED", a.username(), by, byRoles, details, now));
        return find(a.username());
    }

    @Transactional
    public AccountView disable(String username, String reason, Official by) {
        return setEnabled(username, false, org.custodia.platform.Reasons.require(reason), by);
    }

    @Transactional
    public AccountView enable(String username, String reason, Official by) {
        return setEnabled(username, true, org.custodia.platform.Reasons.require(reason), by);
    }

    private AccountView setEnabled(String username, boolean enabled, String reason, Official by) {
        AccountView a = lockForChange(username, by);
        if (a.enabled() == enabled) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Account '" + username + "' is already " + (enabled ? "enabled" : "disabled"));
        }
        client.sql("update account set enabled = ? where id = ?").params(enabled, a.id()).update();
        changed(a, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", Map.of("reason", reason), by);
        return find(username);
    }

    /** An administrator sets a new password (the owner forgot it, or it may be known to someone else). */
    @Transactional
    public AccountView resetPassword(String username, String password, String reason, Official by) {
        String why = org.custodia.platform.Reasons.require(reason);
        AccountView a = lockForChange(username, by);
        setPassword(a, password);
        changed(a, "ACCOUNT_PASSWORD_RESET", Map.of("reason", why), by);
        return find(username);
    }

    /** The owner changes their own password, giving the current one. */
    @Transactional
    public void changeOwnPassword(Official owner, String current, String password) {
        AccountView a = find(owner.username());
        String hash = client.sql("select password_hash from account where id = ? for update").param(a.id())
                .query(String.class).single();
        if (current == null || !encoder.matches(current, hash)) {
            throw new InvalidRequestException("currentPassword", "not your current password");
        }
        if (current.equals(password)) {
            throw new InvalidRequestException("newPassword", "must differ from the current password");
        }
        setPassword(a, password);
        changed(a, "ACCOUNT_PASSWORD_CHANGED", Map.of(), owner);
    }

    private void setPassword(AccountView a, String password) {
        if (a.service()) {
            throw new ConflictException("A service account acts by token only: it has no password");
        }
        String weak = policy.problem(a.username(), password);
        if (weak != null) {
            throw new InvalidRequestException("The password cannot be used", Map.of("password", weak));
        }
        client.sql("update account set password_hash = ?, password_changed_at = ? where id = ?")
                .params(encoder.encode(password), Timestamp.from(clock.instant()), a.id()).update();
    }

    @Transactional
    public AccountView changeRoles(String username, Set<Role> roles, String reason, Official by) {
        String why = org.custodia.platform.Reasons.require(reason);
        Map<String, String> errors = new LinkedHashMap<>();
        checkRoles(roles, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The roles cannot be changed", errors);
        }
        AccountView a = lockForChange(username, by);
        client.sql("delete from account_role where account_id = ?").param(a.id()).update();
        writeRoles(a.id(), roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", names(a.roles()));
        details.put("to", names(roles));
        details.put("reason", why);
        changed(a, "ACCOUNT_ROLES_CHANGED", details, by);
        return find(username);
    }

    @Transactional
    public AccountView changeScope(String username, boolean national, Set<String> scope, String reason, Official by) {
        String why = org.custodia.platform.Reasons.require(reason);
        Set<String> facilityCodes = scope == null ? Set.of() : scope;
        Map<String, String> errors = new LinkedHashMap<>();
        checkScope(national, facilityCodes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The scope cannot be changed", errors);
        }
        AccountView a = lockForChange(username, by);
        client.sql("update account set national_scope = ? where id = ?").params(national, a.id()).update();
        client.sql("delete from account_facility where account_id = ?").param(a.id()).update();
        writeScope(a.id(), facilityCodes);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromNational", a.national());
        details.put("fromFacilities", new TreeSet<>(a.facilities()));
        details.put("national", national);
        details.put("facilities", new TreeSet<>(facilityCodes));
        details.put("reason", why);
        changed(a, "ACCOUNT_SCOPE_CHANGED", details, by);
        return find(username);
    }

    /** Lifts a lockout after failed logins before it ends by itself. */
    @Transactional
    public AccountView unlock(String username, String reason, Official by) {
        String why = org.custodia.platform.Reasons.require(reason);
        AccountView a = lockForChange(username, by);
        int n = client.sql("update account set locked_until = null, failed_logins = 0 where id = ? "
                + "and (locked_until is not null or failed_logins > 0)").param(a.id()).update();
        if (n == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Account '" + username + "' is not locked");
        }
        changed(a, "ACCOUNT_UNLOCKED", Map.of("reason", why), by);
        return find(username);
    }

    /** Nobody changes their own account's standing, roles or scope: that takes a second administrator. */
    private AccountView lockForChange(String username, Official by) {
        AccountView a = find(username);
        if (a == null) {
            throw new NotFoundException("No account " + username);
        }
        if (a.username().equals(by.username())) {
            throw new ConflictException(ErrorCode.SECOND_OFFICIAL_REQUIRED,
                    "Your own account is changed by another administrator");
        }
        client.sql("select id from account where id = ? for update").param(a.id()).query(Long.class).single();
        return a;
    }

    private void changed(AccountView a, String type, Map<String, Object> details, Official by) {
        Instant now = clock.instant();
        client.sql("insert into account_change (account_id, kind, changed_by, changed_at, detail) values (?, ?, ?, ?, ?)")
                .params(a.id(), type, by.username(), Timestamp.from(now),
                        details.get("reason") == null ? null : details.get("reason").toString())
                .update();
        events.publishEvent(new AccountEvent(type, a.username(), by.username(), by.rolesText(), details, now));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    private static void checkRoles(Set<Role> roles, Map<String, String> errors) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            errors.put("roles", "at least one role");
        }
    }

    private void checkScope(boolean national, Set<String> scope, Map<String, String> errors) {
        if (!national && scope.isEmpty()) {
            errors.put("facilities", "an account sees one or more facilities, or the whole service (national)");
        }
        for (String code : scope) {
            if (code == null || !facilities.exists(code)) {
                errors.put("facilities", "unknown facility: " + code);
            }
        }
    }

    private void writeRoles(long id, Set<Role> roles) {
        for (Role r : roles) {
            client.sql("insert into account_role (account_id, role) values (?, ?)").params(id, r.name()).update();
        }
    }

    private void writeScope(long id, Set<String> scope) {
        for (String f : scope) {
            client.sql("insert into account_facility (account_id, facility_code) values (?, ?)").params(id, f)
                    .update();
        }
    }

    /**
     * Whether two user names may stand for one person, for four-eyes checks: the same account, or one account
     * created or changed by the other (an administrator who opens a second account, or resets its password, holds
     * it). A request and its approval need two different people.
     */
    @Transactional(readOnly = true)
    public boolean samePerson(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return client.sql("""
                        select count(*) from account x
                         where (x.username = ? and (x.created_by = ? or exists (select 1 from account_change c
                                   where c.account_id = x.id and c.changed_by = ?)))
                            or (x.username = ? and (x.created_by = ? or exists (select 1 from account_change c
                                   where c.account_id = x.id and c.changed_by = ?)))""")
                .params(a, b, b, b, a, a).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return client.sql("select count(*) from account where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    @Transactional(readOnly = true)
    public AccountView find(String username) {
        List<AccountView> found = query("where a.username = ?", username);
        return found.isEmpty() ? null : found.getFirst();
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return query("");
    }

    /** The enabled account holding an API token in force with this hash (see {@link ApiTokens}). */
    Optional<AccountView> byToken(String secretSha256, Instant now) {
        List<AccountView> found = query("""
                where a.enabled and a.id = (select t.account_id from api_token t where t.secret_sha256 = ?
                                              and t.revoked_at is null and t.expires_at > ?)""",
                secretSha256, Timestamp.from(now));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<AccountView> query(String where, Object... params) {
        List<AccountView> out = new ArrayList<>();
        Instant now = clock.instant();
        var spec = client.sql("""
                        select a.id, a.username, a.display_name, a.enabled, a.national_scope,
                               coalesce((select string_agg(role, ',') from account_role r where r.account_id = a.id), ''),
                               coalesce((select string_agg(facility_code, ',') from account_facility f where f.account_id = a.id), ''),
                               a.locked_until, a.failed_logins, a.service
                          from account a\s""" + where + " order by a.username");
        if (params.length > 0) {
            spec = spec.params(params);
        }
        spec.query(rs -> {
            Set<Role> roles = new TreeSet<>();
            for (String r : rs.getString(6).split(",")) {
                if (!r.isEmpty()) {
                    roles.add(Role.valueOf(r));
                }
            }
            Set<String> fac = new HashSet<>();
            for (String f : rs.getString(7).split(",")) {
                if (!f.isEmpty()) {
                    fac.add(f);
                }
            }
            Timestamp locked = rs.getTimestamp(8);
            Instant lockedUntil = locked == null || !locked.toInstant().isAfter(now) ? null : locked.toInstant();
            out.add(new AccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), roles,
                    rs.getBoolean(5), fac, lockedUntil, rs.getInt(9), rs.getBoolean(10)));
        });
        return out;
    }
}
