package org.custodia.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.custodia.platform.Role;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

/**
 * What an administrator supplies to open an account. {@code service}: another system (a court's case system, the
 * statistics office) that acts by API token only; it has no password.
 */
public record NewAccount(@NotNull(groups = Required.class, message = USERNAME)
                         @Pattern(regexp = "[a-z0-9._-]{2,40}", message = USERNAME) String username,
                         @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String displayName,
                         @Text(max = 1000) String password,
                         Set<Role> roles,
                         Boolean national,
                         @Size(max = 1000) Set<String> facilities,
                         Boolean service) {
    static final String USERNAME = "2-40 characters: lower-case letters, digits, '.', '_' or '-'";

    public NewAccount {
        national = Boolean.TRUE.equals(national);
        service = Boolean.TRUE.equals(service);
    }

    public NewAccount(String username, String displayName, String password, Set<Role> roles, Boolean national,
                      Set<String> facilities) {
        this(username, displayName, password, roles, national, facilities, false);
    }
}
