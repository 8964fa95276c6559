package org.custodia.accounts;

import jakarta.validation.constraints.Size;
import java.util.Set;
import org.custodia.platform.Role;
import org.custodia.platform.validation.Text;

/**
 * What an administrator supplies to open an account. {@code service}: another system (a court's case system, the
 * statistics office) that acts by API token only; it has no password.
 */
public record NewAccount(@Text(max = 100) String username,
                         @Text(max = 200) String displayName,
                         @Text(max = 1000) String password,
                         Set<Role> roles,
                         Boolean national,
                         @Size(max = 1000) Set<String> facilities,
                         Boolean service) {
    public NewAccount {
        national = Boolean.TRUE.equals(national);
        service = Boolean.TRUE.equals(service);
    }

    public NewAccount(String username, String displayName, String password, Set<Role> roles, Boolean national,
                      Set<String> facilities) {
        this(username, displayName, password, roles, national, facilities, false);
    }
}
