package org.custodia.accounts;

import java.util.Set;
import org.custodia.platform.Role;

/** An account as shown to administrators; never the password hash. */
public record AccountView(long id, String username, String displayName, boolean enabled, Set<Role> roles,
                          boolean national, Set<String> facilities) {
}
