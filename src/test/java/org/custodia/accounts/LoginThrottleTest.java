package org.custodia.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.Api;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per account (a lockout an administrator can lift) and per client address; each
 * lockout is on the national chain. The limits are pinned in application-test.yml (5 per account, 30 per address).
 */
class LoginThrottleTest extends ServiceTest {

    String freshOfficer() {
        return fx.account("bloqueo-" + UUID.randomUUID().toString().substring(0, 8), "OFFICER", "CECOT");
    }

    @Nested
    class PerAccount {
        @Test
        void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() {
            String user = freshOfficer();
            long locked = fx.ledgerEntries("ACCOUNT_LOCKED");
            for (int i = 0; i < 5; i++) {
                assertThat(api.getWithPassword("/api/facilities", user, "no-es-la-clave-" + i).status())
                        .isEqualTo(401);
            }
            Api.Response refused = api.get("/api/facilities", user);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("locked");
            assertThat(fx.ledgerEntries("ACCOUNT_LOCKED")).isEqualTo(locked + 1);
            assertThat(db.sql("select chain from ledger_entry where event_type = 'ACCOUNT_LOCKED' "
                    + "and (canonical::jsonb -> 'payload')->>'account' = ?").param(user).query(String.class).single()).isEqualTo("NACIONAL");
            assertThat(api.get("/api/login-blocks", "admin").body()).contains(user);
        }

        @Test
        void anAdministratorLiftsTheLockout() {
            String user = freshOfficer();
            for (int i = 0; i < 5; i++) {
                api.getWithPassword("/api/facilities", user, "no-es-la-clave-" + i);
            }
            assertThat(api.get("/api/facilities", user).status()).isEqualTo(401);
            assertThat(api.post("/api/accounts/" + user + "/unlock", "admin", Map.of()).status()).isEqualTo(400);
            Api.Response lifted = api.post("/api/accounts/" + user + "/unlock", "admin",
                    Map.of("reason", "Identidad confirmada por teléfono"));
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            assertThat(api.get("/api/facilities", user).status()).isEqualTo(200);
            assertThat(fx.ledgerEntries("ACCOUNT_UNLOCKED")).isPositive();
        }

        @Test
        void aSuccessEndsTheRunOfFailures() {
            String user = freshOfficer();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 3; i++) {
                    api.getWithPassword("/api/facilities", user, "no-es-la-clave-" + i);
                }
                assertThat(api.get("/api/facilities", user).status()).isEqualTo(200);
            }
        }

        @Test
        void onlyAnAdministratorLiftsIt() {
            String user = freshOfficer();
            assertThat(api.post("/api/accounts/" + user + "/unlock", "direccion", Map.of("reason", "x")).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/accounts/" + user + "/unlock", "admin", Map.of("reason", "x")).status())
                    .as("not locked").isEqualTo(409);
        }
    }

    @Nested
    class PerAddress {
        /** A raw HTTP request from another loopback address, so that 127.0.0.1 (every other test) is not blocked. */
        int from(String address, String user, String password) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(address, 0));
                s.connect(new InetSocketAddress("127.0.0.1", port));
                s.getOutputStream().write(("GET /api/facilities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                        + Api.basic(user, password) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                InputStream in = s.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                return Integer.parseInt(status.substring(9, 12));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void anAddressThatFailsTooOftenMayNotTryUntilLifted() {
            String address = "127.0.0.2";
            long blocked = fx.ledgerEntries("LOGIN_ADDRESS_BLOCKED");
            // many accounts, so that no single account is locked: the address is what is throttled
            for (int i = 0; i < 30; i++) {
                assertThat(from(address, "nadie-" + i, "clave-equivocada")).isEqualTo(401);
            }
            assertThat(from(address, "oficial", Api.DEMO_PASSWORD)).as("refused before the password is checked")
                    .isEqualTo(429);
            assertThat(fx.ledgerEntries("LOGIN_ADDRESS_BLOCKED")).isEqualTo(blocked + 1);
            // other addresses are not affected
            assertThat(api.get("/api/facilities", "oficial").status()).isEqualTo(200);
            assertThat(api.get("/api/login-blocks", "admin").body()).contains(address);

            Api.Response lifted = api.post("/api/login-blocks/lift", "admin", Map.of("address", address,
                    "reason", "Prueba de bloqueo terminada"));
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
            assertThat(from(address, "oficial", Api.DEMO_PASSWORD)).isEqualTo(200);
            assertThat(api.post("/api/login-blocks/lift", "admin", Map.of("address", address, "reason", "otra vez"))
                    .status()).isEqualTo(404);
        }
    }
}
