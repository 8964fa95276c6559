package org.custodia.accounts;

import java.util.Set;
import org.custodia.platform.Role;

/** What an administrator supplies to open an account. */
public record NewAccount(String username, String displayName, String password, Set<Role> roles, Boolean national,
                         Set<String> facilities) {
    public NewAccount {
        national = Boolean.TRUE.equals(national);
    }
}
