package org.custodia.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.custodia.CustodiaApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running service on a random port, against the embedded PostgreSQL with a small demo load. Every integration
 * test uses exactly this so that one application context (and one database) serves the whole run; CUSTODIA_*
 * variables of the shell are ignored (the test profile pins the configuration); the service's clock is a
 * {@link MutableClock} that time-rule tests pin.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CustodiaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = IgnoreCustodiaEnvironment.class)
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {
}
