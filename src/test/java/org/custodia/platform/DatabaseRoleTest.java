package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.custodia.support.ServiceTest;
import org.custodia.support.Superuser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Custodia connects as a role that owns nothing and is not a superuser: each way around the append-only ledger
 * and access log is refused to it, on a connection of its own, as a rogue script with its credentials would try.
 */
class DatabaseRoleTest extends ServiceTest {
    @Autowired
    DataSource dataSource;

    JdbcClient app() {
        return JdbcClient.create(Superuser.as(dataSource, "custodia_app", Superuser.password("custodia_app")));
    }

    @Nested
    class TheApplicationRole {
        @Test
        void isTheRoleTheServiceUsesAndIsNoSuperuser() {
            assertThat(db.sql("select current_user").query(String.class).single()).isEqualTo("custodia_app");
            assertThat(db.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles "
                    + "where rolname = current_user").query(Boolean.class).single()).isFalse();
            assertThat(db.sql("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user")
                    .query(Long.class).single()).as("owns nothing").isZero();
        }

        @Test
        void cannotDisableATrigger() {
            assertThatThrownBy(() -> app().sql("alter table ledger_entry disable trigger ledger_entry_append_only")
                    .update()).rootCause().hasMessageContaining("must be owner");
        }

        @Test
        void cannotSwitchOffTriggersForTheSession() {
            assertThatThrownBy(() -> app().sql("set session_replication_role = replica").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }

        @Test
        void cannotChangeOrRemoveLedgerEntries() {
            assertThatThrownBy(() -> app().sql("update ledger_entry set canonical = canonical where seq = 1")
                    .update()).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app().sql("delete from ledger_entry where seq = 1").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }

        @Test
        void cannotMoveAChainHeadBackOrAway() {
            assertThatThrownBy(() -> app().sql("update ledger_head set seq = seq - 1 where chain = 'CECOT'")
                    .update()).rootCause().hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> app().sql("update ledger_head set seq = seq + 1000 where chain = 'CECOT'")
                    .update()).rootCause().hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> app().sql("delete from ledger_head where chain = 'CECOT'").update())
                    .rootCause().hasMessageContaining("permission denied");
        }

        @Test
        void cannotReplaceASigningKey() {
            assertThatThrownBy(() -> app().sql("update ledger_key set public_key = 'x'").update()).rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app().sql("delete from ledger_signing_key").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }

        @Test
        void cannotTruncateTheAccessLogOrTheLedger() {
            for (String table : new String[] {"access_log", "ledger_entry", "ledger_head", "ledger_key"}) {
                assertThatThrownBy(() -> app().sql("truncate " + table).update()).as(table).rootCause()
                        .hasMessageContaining("permission denied");
            }
        }

        @Test
        void cannotWriteTheMigrationHistory() {
            assertThatThrownBy(() -> app().sql("delete from flyway_schema_history").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }

        @Test
        void readsThePublishedViewsButCannotWriteThroughThem() {
            assertThat(app().sql("select count(*) from legal_case").query(Long.class).single()).isPositive();
            assertThatThrownBy(() -> app().sql("insert into legal_case (person_id, case_number) "
                    + "select person_id, 'FORJADO' from legal_case limit 1").update()).rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app().sql("insert into estate_pavilion (facility_code, code, name, levels) "
                    + "values ('CECOT', 'FORJADO', 'x', 1)").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Nested
    class TheOwningRole {
        @Test
        void isStoppedByTheTriggersWhereItHasThePrivileges() {
            // a checkpoint makes sure each chain has a key in force (row triggers fire only on rows)
            assertThat(api.post("/api/ledger/checkpoints", "inspector", "").status()).isEqualTo(201);
            JdbcClient owner = Superuser.owner(dataSource);
            assertThatThrownBy(() -> owner.sql("update ledger_head set seq = 0 where chain = 'CECOT'").update())
                    .rootCause().hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> owner.sql("truncate access_log").update()).rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.sql("delete from ledger_key").update()).rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.sql("set session_replication_role = replica").update()).rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Nested
    class Authentication {
        @Test
        void everyConnectionNeedsAPassword() {
            PGSimpleDataSource noPassword = Superuser.as(dataSource, "postgres", null);
            assertThatThrownBy(() -> noPassword.getConnection().close()).hasMessageContaining("password");
            PGSimpleDataSource wrong = Superuser.as(dataSource, "custodia_app", "not-the-password");
            assertThatThrownBy(() -> wrong.getConnection().close()).hasMessageContaining("password");
        }

        @Test
        void thePasswordsAreReadableByTheirOwnerOnly() throws Exception {
            Path file = Path.of("target", "test-data", "db-passwords");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains("postgres=", "custodia_owner=", "custodia_app=");
        }
    }
}
