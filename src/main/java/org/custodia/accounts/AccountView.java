package org.custodia.accounts;

import java.util.Set;
import org.custodia.platform.Role;

/**
 * An account as shown to administrators; never the password hash. {@code lockedUntil}: set while a lockout after
 * failed logins is in force; {@code failedLogins}: consecutive failures since the last success or lockout;
 * {@code service}: another system, acting by API token only.
 */
public record AccountView(long id, String username, String displayName, boolean enabled, Set<Role> roles,
                          boolean national, Set<String> facilities, java.time.Instant lockedUntil,
                          int failedLogins, boolean service) {
    public boolean locked() {
        return lockedUntil != null;
    }
}
