package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** An operator's exported CUSTODIA_* variables do not reach the tests' application context; other variables do. */
class IgnoreCustodiaEnvironmentTest {
    @Test
    void custodiaVariablesAreRemovedAndOthersKept() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CUSTODIA_ADMIN_PASSWORD", "operators-secret", "CUSTODIA_DB_URL",
                                "jdbc:postgresql://prod/custodia", "HOME", "/root")));

        IgnoreCustodiaEnvironment.apply(env);

        assertThat(env.getProperty("custodia.admin-password")).isNull();
        assertThat(env.getProperty("custodia.db.url")).isNull();
        assertThat(env.getProperty("HOME")).isEqualTo("/root");
    }
}
