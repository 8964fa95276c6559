package org.custodia.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.custodia.platform.ConflictException;
import org.custodia.platform.FacilityDirectory;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and lists staff accounts. */
@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");
    static final int MIN_PASSWORD = 12;

    private final JdbcClient client;
    private final PasswordEncoder encoder;
    private final FacilityDirectory facilities;
    private final Clock clock;

    AccountService(JdbcClient client, PasswordEncoder encoder, FacilityDirectory facilities, Clock clock) {
        this.client = client;
        this.encoder = encoder;
        this.facilities = facilities;
        this.clock = clock;
    }

    @Transactional
    public AccountView create(NewAccount a, String createdBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.username() == null || !USERNAME.matcher(a.username()).matches()) {
            errors.put("username", "2-40 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (a.displayName() == null || a.displayName().isBlank() || a.displayName().length() > 200) {
            errors.put("displayName", "required, at most 200 characters");
        }
        if (a.password() == null || a.password().length() < MIN_PASSWORD || a.password().length() > 200) {
            errors.put("password", "at least " + MIN_PASSWORD + " characters");
        }
        if (a.roles() == null || a.roles().isEmpty() || a.roles().stream().anyMatch(java.util.Objects::isNull)) {
            errors.put("roles", "at least one role");
        }
        Set<String> scope = a.facilities() == null ? Set.of() : a.facilities();
        if (!a.national() && scope.isEmpty()) {
            errors.put("facilities", "an account sees one or more facilities, or the whole service (national)");
        }
        for (String code : scope) {
            if (code == null || !facilities.exists(code)) {
                errors.put("facilities", "unknown facility: " + code);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The account cannot be opened", errors);
        }
        if (exists(a.username())) {
            throw new ConflictException("An account named '" + a.username() + "' already exists");
        }
        long id = client.sql("""
                        insert into account (username, display_name, password_hash, national_scope, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(a.username(), a.displayName().strip(), encoder.encode(a.password()), a.national(),
                        Timestamp.from(clock.instant()), createdBy)
                .query(Long.class).single();
        for (Role r : a.roles()) {
            client.sql("insert into account_role (account_id, role) values (?, ?)").params(id, r.name()).update();
        }
        for (String f : scope) {
            client.sql("insert into account_facility (account_id, facility_code) values (?, ?)").params(id, f)
                    .update();
        }
        return find(a.username());
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
        return list().stream().filter(a -> a.username().equals(username)).findFirst().orElse(null);
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        List<AccountView> out = new ArrayList<>();
        client.sql("""
                        select a.id, a.username, a.display_name, a.enabled, a.national_scope,
                               coalesce((select string_agg(role, ',') from account_role r where r.account_id = a.id), ''),
                               coalesce((select string_agg(facility_code, ',') from account_facility f where f.account_id = a.id), '')
                          from account a order by a.username""")
                .query(rs -> {
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
                    out.add(new AccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), roles,
                            rs.getBoolean(5), fac));
                });
        return out;
    }
}
