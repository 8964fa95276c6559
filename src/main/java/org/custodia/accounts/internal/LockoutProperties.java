package org.custodia.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed logins. An account is locked for {@code accountMinutes} after {@code accountFailures}
 * failures in a row (an administrator may lift it sooner); a client address that fails {@code addressFailures}
 * times within {@code addressWindowMinutes} may not try a password for {@code addressMinutes}.
 */
@ConfigurationProperties("custodia.security.lockout")
record LockoutProperties(Integer accountFailures, Integer accountMinutes, Integer addressFailures,
                         Integer addressWindowMinutes, Integer addressMinutes) {
    LockoutProperties {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        accountMinutes = accountMinutes == null ? 15 : accountMinutes;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        addressWindowMinutes = addressWindowMinutes == null ? 10 : addressWindowMinutes;
        addressMinutes = addressMinutes == null ? 15 : addressMinutes;
    }
}
