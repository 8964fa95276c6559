package org.custodia.accounts.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.custodia.accounts.AccountService;
import org.custodia.accounts.NewAccount;
import org.custodia.platform.Role;
import org.custodia.platform.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On an empty database, opens {@code admin} with the password from {@code CUSTODIA_ADMIN_PASSWORD}, or a random
 * one written only to {@code <data-dir>/admin-password} (mode 600), never to the log. Once the application is
 * ready, not during start-up: a first start's demo load, begun during start-up, holds the national chain's head
 * (where accounts are recorded) until it commits, and waits for start-up to finish before it does.
 */
@Component
class AdminBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final AccountService accounts;
    private final String configured;
    private final Path dataDir;

    AdminBootstrap(AccountService accounts, @Value("${custodia.admin-password:}") String configured,
                   @Value("${custodia.data-dir:./data}") Path dataDir) {
        this.accounts = accounts;
        this.configured = configured;
        this.dataDir = dataDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        try {
            load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void load() throws IOException {
        if (accounts.exists("admin")) {
            return;
        }
        String password = StringUtils.hasText(configured) ? configured : SecretFiles.randomPassword();
        try {
            accounts.create(new NewAccount("admin", "Administrador", password, Set.of(Role.ADMIN), true, Set.of()));
        } catch (org.custodia.platform.InvalidRequestException e) {
            // only a configured password can be refused (a generated one always passes): say which setting to fix
            throw new IllegalStateException("CUSTODIA_ADMIN_PASSWORD is refused: " + e.errors().get("password"), e);
        }
        if (!StringUtils.hasText(configured)) {
            Path file = SecretFiles.writeOwnerOnly(dataDir.resolve("admin-password"), password + "\n");
            log.warn("Created account 'admin'; its password is in {} (only there, never in the log)", file);
        } else {
            log.info("Created account 'admin' with the password from CUSTODIA_ADMIN_PASSWORD");
        }
    }
}
