package org.custodia.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API tokens: shown once, stored hashed, carrying the official's roles and scope, revocable, on the chain. */
class TokenTest extends ServiceTest {

    static Map<String, Object> token(String name, Instant expiresAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("expiresAt", expiresAt.toString());
        return m;
    }

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }

    JsonNode create(String user) {
        Api.Response r = api.post("/api/tokens", user, token("Script de conteo", inDays(30)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Nested
    class Create {
        @Test
        void theSecretIsShownOnceAndOnlyItsHashIsKept() {
            long created = fx.ledgerEntries("TOKEN_CREATED");
            JsonNode t = create("oficial");
            String secret = t.get("token").asString();
            assertThat(secret).startsWith("cst_").hasSizeGreaterThan(40);
            assertThat(fx.ledgerEntries("TOKEN_CREATED")).isEqualTo(created + 1);
            assertThat(db.sql("select count(*) from api_token where secret_sha256 = ?").param(secret)
                    .query(Long.class).single()).isZero();
            assertThat(api.get("/api/tokens", "oficial").body()).contains("Script de conteo").doesNotContain(secret);
            assertThat(db.sql("select (canonical::jsonb -> 'payload')::text from ledger_entry where event_type = 'TOKEN_CREATED' "
                    + "and (canonical::jsonb -> 'payload')->>'token' = ?").param(t.get("id").asString()).query(String.class).single())
                    .doesNotContain(secret);
        }

        @Test
        void badRequestsAreRefusedAndStoreNothing() {
            long tokens = db.sql("select count(*) from api_token").query(Long.class).single();
            assertThat(api.post("/api/tokens", "oficial", token("", inDays(3))).status()).isEqualTo(400);
            assertThat(api.post("/api/tokens", "oficial", token("ayer", inDays(-1))).status()).isEqualTo(400);
            assertThat(api.post("/api/tokens", "oficial", token("eterno", inDays(400))).status()).isEqualTo(400);
            assertThat(api.post("/api/tokens", "oficial", token("con\u0000nul", inDays(3))).status()).isEqualTo(400);
            assertThat(db.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokens);
        }

        @Test
        void aTokenCannotCreateAnotherToken() {
            String secret = create("registro").get("token").asString();
            assertThat(api.postWithToken("/api/tokens", secret, token("otro", inDays(300))).status())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Use {
        @Test
        void aTokenActsAsItsOfficialWithTheirScopeAndIsLogged() {
            String secret = create("oficial").get("token").asString();
            Api.Response hits = api.getWithToken("/api/people/search?q=mart&limit=3", secret);
            assertThat(hits.status()).isEqualTo(200);
            assertThat(hits.json().size()).isPositive();
            assertThat(db.sql("select username from access_log where action = 'SEARCH_PEOPLE' order by id desc "
                    + "limit 1").query(String.class).single()).isEqualTo("oficial");
            long elsewhere = db.sql("select person_id from booking where facility_code = ? and released_at is null "
                    + "order by id limit 1").param(fx.otherFacility()).query(Long.class).single();
            assertThat(api.getWithToken("/api/people/" + elsewhere, secret).status()).isEqualTo(404);
            assertThat(api.getWithToken("/api/accounts", secret).status()).as("the official's roles").isEqualTo(403);
        }

        @Test
        void anUnknownTokenIsRefused() {
            Api.Response r = api.getWithToken("/api/facilities", "cst_" + "A".repeat(43));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).contains("application/problem+json");
        }

        @Test
        void aDisabledAccountsTokensStopWorking() {
            String user = fx.account("token-" + UUID.randomUUID().toString().substring(0, 8), "OFFICER", "CECOT");
            String secret = create(user).get("token").asString();
            assertThat(api.getWithToken("/api/facilities", secret).status()).isEqualTo(200);
            api.post("/api/accounts/" + user + "/disable", "admin", Map.of("reason", "Baja"));
            assertThat(api.getWithToken("/api/facilities", secret).status()).isEqualTo(401);
        }
    }

    @Nested
    class Revoke {
        @Test
        void aRevokedTokenAuthenticatesNobodyAndTheRevocationIsOnTheChain() {
            JsonNode t = create("oficial");
            long revoked = fx.ledgerEntries("TOKEN_REVOKED");
            // another official cannot even see it
            assertThat(api.delete("/api/tokens/" + t.get("id").asLong(), "registro").status()).isEqualTo(404);
            assertThat(api.delete("/api/tokens/" + t.get("id").asLong(), "oficial").status()).isEqualTo(204);
            assertThat(api.getWithToken("/api/facilities", t.get("token").asString()).status()).isEqualTo(401);
            assertThat(fx.ledgerEntries("TOKEN_REVOKED")).isEqualTo(revoked + 1);
            assertThat(api.delete("/api/tokens/" + t.get("id").asLong(), "oficial").status()).isEqualTo(409);
        }
    }

    @Nested
    class ServiceAccounts {
        @Test
        void anAdministratorRegistersAnotherSystemThatActsByTokenOnly() {
            String system = "sistema-judicial-" + UUID.randomUUID().toString().substring(0, 6);
            Api.Response opened = api.post("/api/accounts", "admin", Map.of("username", system, "displayName",
                    "Sistema de expedientes judiciales", "roles", List.of("RECORDS"), "national", false,
                    "facilities", List.of("CECOT"), "service", true));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            assertThat(opened.json().get("service").asBoolean()).isTrue();
            Api.Response issued = api.post("/api/accounts/" + system + "/tokens", "admin",
                    token("Integración de audiencias", inDays(90)));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String secret = issued.json().get("token").asString();
            assertThat(api.getWithToken("/api/worklists/pretrial?facility=CECOT", secret).status()).isEqualTo(200);
            assertThat(api.getWithPassword("/api/facilities", system, Api.DEMO_PASSWORD).status()).isEqualTo(401);
            // a person's account gets its tokens from that person, not from the administrator
            assertThat(api.post("/api/accounts/oficial/tokens", "admin", token("x", inDays(3))).status())
                    .isEqualTo(409);
        }
    }
}
