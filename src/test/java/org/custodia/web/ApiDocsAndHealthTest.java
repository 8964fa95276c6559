package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;

class ApiDocsAndHealthTest extends ServiceTest {

    @Test
    void theOpenApiDescriptionListsTheApi() {
        Api.Response docs = api.get("/v3/api-docs", "inspector");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/ledger/verify", "/api/ledger/export", "/api/ledger/checkpoints",
                "/api/facilities/{code}/occupancy", "/api/people/{id}", "/api/facilities");
        // health and safety (issue 12)
        assertThat(docs.body()).contains("/api/people/{id}/screening", "/api/sick-calls/{id}/triage",
                "/api/figures/health", "/api/health-reports", "/api/serious-cases", "/api/figures/deaths",
                "/api/incidents/{id}/use-of-force", "/api/discipline/charges/{id}/decision",
                "/api/facilities/{code}/solitary");
        assertThat(api.get("/swagger-ui/index.html", "inspector").status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsLogin() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        // the UI sends strangers to the login page
        assertThat(api.get("/", null).status()).isIn(302, 401);
        assertThat(api.get("/login", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isIn(302, 401);
    }

    @Test
    void pagesEscapeWhatTheRecordsHold() {
        Api.Response page = api.get("/people/1", "direccion");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"person-name\">").doesNotContain("<script>alert");
        assertThat(api.get("/people/1", "finanzas").status()).isEqualTo(403);
        assertThat(api.get("/access-log", "inspector").body()).contains("READ_PERSON");
        Api.Response missing = api.get("/people/987654321", "direccion");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("No person 987654321");
        assertThat(api.get("/facilities/NOPE", "direccion").status()).isEqualTo(404);
    }
}
