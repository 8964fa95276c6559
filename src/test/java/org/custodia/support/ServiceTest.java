package org.custodia.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A test of the running service: an HTTP client for it, fixtures, and PostgreSQL for assertions. */
@IntegrationTest
public abstract class ServiceTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient db;
    protected Api api;
    protected Fixtures fx;

    @BeforeEach
    void connect() {
        api = new Api(port);
        fx = new Fixtures(api, db);
    }
}
