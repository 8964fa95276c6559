package org.custodia.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Tests pin their own configuration (application-test.yml): a {@code CUSTODIA_*} variable exported in the shell
 * that runs them (an operator's admin password, an external database) is removed from what the test context sees.
 */
public final class IgnoreCustodiaEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        apply(context.getEnvironment());
    }

    static void apply(ConfigurableEnvironment environment) {
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> source = environment.getPropertySources().get(name);
        if (source instanceof EnumerablePropertySource<?> env) {
            Map<String, Object> kept = new HashMap<>();
            for (String key : env.getPropertyNames()) {
                if (!key.toUpperCase(java.util.Locale.ROOT).startsWith("CUSTODIA_")) {
                    kept.put(key, env.getProperty(key));
                }
            }
            environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, kept));
        }
    }
}
