package org.custodia.accounts;

import java.util.Set;
import org.custodia.platform.Role;

/** What an administrator supplies to open an account. */
public record NewAccount(String username, String displayName, String password, Set<Role> roles, boolean national,
                         Set<String> facilities) {
}
