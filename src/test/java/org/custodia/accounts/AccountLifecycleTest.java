package org.custodia.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Accounts are disabled, enabled, re-roled, re-scoped and given new passwords, each on the national chain. */
class AccountLifecycleTest extends ServiceTest {

    String fresh() {
        return fx.account("ciclo-" + UUID.randomUUID().toString().substring(0, 8), "OFFICER", "CECOT");
    }

    String actorOf(String type, String account) {
        return db.sql("select actor from ledger_entry where event_type = ? and (canonical::jsonb -> 'payload')->>'account' = ? "
                + "and chain = 'NACIONAL' order by seq desc limit 1").params(type, account).query(String.class)
                .single();
    }

    @Nested
    class Opening {
        @Test
        void aCommonPasswordIsRefusedAndNothingIsStored() {
            long accounts = db.sql("select count(*) from account").query(Long.class).single();
            for (String weak : List.of("qwerty123456", "1qaz2wsx3edc", "corta", "nuevo-usuario-99")) {
                Api.Response r = api.post("/api/accounts", "admin", Map.of("username", "nuevo-usuario",
                        "displayName", "Nuevo", "password", weak, "roles", List.of("OFFICER"), "national", false,
                        "facilities", List.of("CECOT")));
                assertThat(r.status()).as(weak).isEqualTo(400);
                assertThat(r.json().get("errors").has("password")).as(weak).isTrue();
            }
            assertThat(db.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts);
        }

        @Test
        void openingIsOnTheNationalChainWithWhoOpenedIt() {
            String user = fresh();
            assertThat(actorOf("ACCOUNT_OPENED", user)).isEqualTo("admin");
        }
    }

    @Nested
    class DisableAndEnable {
        @Test
        void aDisabledAccountCannotLogInUntilEnabled() {
            String user = fresh();
            assertThat(api.get("/api/facilities", user).status()).isEqualTo(200);
            assertThat(api.post("/api/accounts/" + user + "/disable", "admin", Map.of()).status()).isEqualTo(400);
            Api.Response off = api.post("/api/accounts/" + user + "/disable", "admin",
                    Map.of("reason", "Baja del servicio"));
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(off.json().get("enabled").asBoolean()).isFalse();
            assertThat(api.get("/api/facilities", user).status()).isEqualTo(401);
            assertThat(actorOf("ACCOUNT_DISABLED", user)).isEqualTo("admin");
            assertThat(api.post("/api/accounts/" + user + "/disable", "admin", Map.of("reason", "otra vez")).status())
                    .isEqualTo(409);
            assertThat(api.post("/api/accounts/" + user + "/enable", "admin", Map.of("reason", "Reincorporación"))
                    .status()).isEqualTo(200);
            assertThat(api.get("/api/facilities", user).status()).isEqualTo(200);
        }

        @Test
        void nobodyChangesTheirOwnAccount() {
            assertThat(api.post("/api/accounts/admin/disable", "admin", Map.of("reason", "x")).status())
                    .isEqualTo(409);
            assertThat(api.post("/api/accounts/admin/roles", "admin", Map.of("roles", List.of("ADMIN", "INSPECTOR"),
                    "reason", "x")).status()).isEqualTo(409);
        }

        @Test
        void onlyAnAdministratorChangesAccounts() {
            String user = fresh();
            assertThat(api.post("/api/accounts/" + user + "/disable", "direccion", Map.of("reason", "x")).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/accounts/nadie-asi/disable", "admin", Map.of("reason", "x")).status())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Passwords {
        @Test
        void theOwnerChangesTheirPasswordGivingTheCurrentOne() {
            String user = fresh();
            String next = "nueva-clave-del-turno-7";
            assertThat(api.post("/api/account/password", user, Map.of("currentPassword", "no-es-esta",
                    "newPassword", next)).status()).isEqualTo(400);
            assertThat(api.post("/api/account/password", user, Map.of("currentPassword", Api.DEMO_PASSWORD,
                    "newPassword", "qwerty123456")).status()).isEqualTo(400);
            assertThat(api.post("/api/account/password", user, Map.of("currentPassword", Api.DEMO_PASSWORD,
                    "newPassword", next)).status()).isEqualTo(204);
            assertThat(api.getWithPassword("/api/facilities", user, next).status()).isEqualTo(200);
            assertThat(api.get("/api/facilities", user).status()).as("the old password").isEqualTo(401);
            assertThat(actorOf("ACCOUNT_PASSWORD_CHANGED", user)).isEqualTo(user);
            assertThat(db.sql("select (canonical::jsonb -> 'payload')::text from ledger_entry where event_type = 'ACCOUNT_PASSWORD_CHANGED' "
                    + "and (canonical::jsonb -> 'payload')->>'account' = ?").param(user).query(String.class).single()).doesNotContain(next);
        }

        @Test
        void anAdministratorResetsAPasswordAndThatAccountIsThenTheirsForFourEyes() {
            String user = fresh();
            String reset = "restablecida-por-admin-3";
            Api.Response r = api.post("/api/accounts/" + user + "/password", "admin", Map.of("password", reset,
                    "reason", "Olvidó su contraseña"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(api.getWithPassword("/api/facilities", user, reset).status()).isEqualTo(200);
            assertThat(actorOf("ACCOUNT_PASSWORD_RESET", user)).isEqualTo("admin");
            assertThat(db.sql("select count(*) from account_change c join account a on a.id = c.account_id "
                    + "where a.username = ? and c.changed_by = 'admin'").param(user).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Nested
    class RolesAndScope {
        @Test
        void rolesAndScopeChangeWithTheReasonOnTheChain() {
            String user = fresh();
            long elsewhere = db.sql("select person_id from booking where facility_code = ? and released_at is null "
                    + "order by id limit 1").param(fx.otherFacility()).query(Long.class).single();
            assertThat(api.get("/api/people/" + elsewhere, user).status()).isEqualTo(404);
            Api.Response scoped = api.post("/api/accounts/" + user + "/scope", "admin", Map.of("national", false,
                    "facilities", List.of("CECOT", fx.otherFacility()), "reason", "Apoyo temporal"));
            assertThat(scoped.status()).as(scoped.body()).isEqualTo(200);
            assertThat(api.get("/api/people/" + elsewhere, user).status()).isEqualTo(200);

            assertThat(api.post("/api/locations/1/capacity-requests", user, Map.of()).status()).isEqualTo(403);
            Api.Response roles = api.post("/api/accounts/" + user + "/roles", "admin", Map.of("roles",
                    List.of("RECORDS"), "reason", "Traslado a registro"));
            assertThat(roles.status()).as(roles.body()).isEqualTo(200);
            assertThat(roles.json().get("roles").get(0).asString()).isEqualTo("RECORDS");
            assertThat(actorOf("ACCOUNT_ROLES_CHANGED", user)).isEqualTo("admin");
            assertThat(actorOf("ACCOUNT_SCOPE_CHANGED", user)).isEqualTo("admin");
            assertThat(api.get("/api/worklists/pretrial", user).status()).isEqualTo(200);
        }

        @Test
        void badChangesAreRefusedAndChangeNothing() {
            String user = fresh();
            long entries = fx.ledgerEntries();
            assertThat(api.post("/api/accounts/" + user + "/roles", "admin", Map.of("roles", List.of(),
                    "reason", "x")).status()).isEqualTo(400);
            assertThat(api.post("/api/accounts/" + user + "/scope", "admin", Map.of("national", false,
                    "facilities", List.of("NOPE"), "reason", "x")).status()).isEqualTo(400);
            assertThat(api.post("/api/accounts/" + user + "/scope", "admin", Map.of("national", false,
                    "facilities", List.of(), "reason", "x")).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(entries);
        }
    }
}
