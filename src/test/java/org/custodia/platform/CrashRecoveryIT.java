package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.custodia.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service, killed with SIGKILL in the middle of a 10,000-row batch: it starts again the first time
 * (the orphaned embedded PostgreSQL is stopped), the batch is INTERRUPTED with nobody admitted, the ledger is intact,
 * counts equal bookings, and the same batch id then admits every row once. Then killed while a plan housing them is
 * applied: nobody moved, the plan still awaits approval, and approving it again applies it.
 */
class CrashRecoveryIT {
    static final Path JAR = Path.of("target/custodia.jar");
    static final Path DATA = Path.of("target/crash-it");
    static final String PASSWORD = "demo-password-123";

    Process service;
    int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Starts the packaged service on a port (an operator's CUSTODIA_* variables kept out); does not wait. */
    Process launch(boolean demo, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(),
                "--custodia.data-dir=" + DATA, "--server.port=" + port, "--custodia.demo.enabled=" + demo,
                "--custodia.demo.mega-population=1400", "--custodia.demo.other-facility-scale=0.1",
                "--custodia.demo.password=" + PASSWORD, "--custodia.admin-password=llave-maestra-de-prueba-1",
                "--logging.level.root=warn"));
        ProcessBuilder pb = new ProcessBuilder(command);
        // an operator's CUSTODIA_* variables (an external database, passwords) must not reach the service under test
        pb.environment().keySet().removeIf(k -> k.startsWith("CUSTODIA_"));
        return pb.redirectErrorStream(true)
                .redirectOutput(DATA.resolveSibling("crash-it-" + Instant.now().toEpochMilli() + ".log").toFile())
                .start();
    }

    void start(boolean demo) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        service = launch(demo, port);
        Api api = new Api(port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service keeps running while it starts (see target/crash-it-*.log)")
                    .isTrue();
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start in 3 minutes");
    }

    static String batch(int rows) {
        StringBuilder csv = new StringBuilder("givenNames,firstSurname,secondSurname,aliases,dateOfBirth,sex,"
                + "nationality,idDocument,legalStatus,authority,documentReference,legalBasis,arrestedAt,arrestPlace,"
                + "facilityCode\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Persona ").append(letters(i)).append(",Prueba,Caída,,1990-01-01,MALE,SLV,CRASH-").append(i)
                    .append(",UNTRIED,Juzgado de Paz,OD-").append(i).append(",CPP art. 329,2026-11-01T10:00:00Z,")
                    .append("Apopa,CECOT\n");
        }
        return csv.toString();
    }

    static String abbreviated(Api.Response r) {
        return r.body().length() > 500 ? r.body().substring(0, 500) + "…" : r.body();
    }

    /** Names have no digits: 0 is "Aa", 27 "Bb"… */
    static String letters(int i) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        b.append('a');
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    JsonNode status(Api api, String id) {
        return api.get("/api/intake/batches/" + id, "registro").json();
    }

    /** The embedded server's superuser connection, from the files of the data directory. */
    Connection db() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(DATA.resolve("postgres/postmaster.pid"));
        String password = Files.readAllLines(DATA.resolve("db-passwords")).stream()
                .filter(l -> l.startsWith("postgres=")).findFirst().orElseThrow().substring("postgres=".length());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
                "postgres", password);
    }

    long number(String sql) throws IOException, SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The packaged service loads the demo in the background, starting while the application is still being set up;
     * the demo accounts are opened once every listener is in place, so each opening is on the ledger.
     */
    @Test
    void theDemoLoadedInTheBackgroundHasEveryAccountOpeningOnTheLedger() throws Exception {
        assertThat(JAR).as("mvn package builds the jar before the integration tests").exists();
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        start(true);
        assertThat(number("""
                select count(distinct canonical::jsonb -> 'payload' ->> 'account') from ledger_entry
                 where chain = 'NACIONAL' and event_type = 'ACCOUNT_OPENED'
                   and canonical::jsonb -> 'payload' ->> 'account'
                       in ('oficial', 'registro', 'salud', 'direccion', 'finanzas', 'inspector')""")).isEqualTo(6);
        assertThat(new Api(port).get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
    }

    /**
     * A first start that fails while the demo loads in the background (its port is taken) ends the process instead
     * of leaving it waiting, and leaves nothing: the next start loads the whole demo once.
     */
    @Test
    void aFirstStartThatFailsWhileTheDemoLoadsEndsAndLeavesNothing() throws Exception {
        assertThat(JAR).as("mvn package builds the jar before the integration tests").exists();
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        try (ServerSocket taken = new ServerSocket(0)) {
            Process failed = launch(true, taken.getLocalPort());
            boolean ended = failed.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                failed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(ended).as("the failed start ends").isTrue();
            assertThat(failed.exitValue()).isNotZero();
        }
        start(true);
        assertThat(number("select count(*) from facility")).isEqualTo(5);
        assertThat(number("""
                select count(*) from ledger_entry
                 where chain = 'NACIONAL' and event_type = 'ACCOUNT_OPENED'
                   and canonical::jsonb -> 'payload' ->> 'account' = 'oficial'""")).isEqualTo(1);
        assertThat(new Api(port).get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aBatchKilledMidwayIsInterruptedAndAdmittedOnceWhenSentAgain() throws Exception {
        assertThat(JAR).as("mvn package builds the jar before the integration tests").exists();
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        start(true);
        Api api = new Api(port);
        String body = batch(10_000);
        Api.Response submitted = api.postRaw("/api/intake/batches?batchId=vuelo-42", "registro", "text/csv", body);
        assertThat(submitted.status()).as(abbreviated(submitted)).isEqualTo(202);
        String id = submitted.json().get("id").asString();
        Api during = api;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> status(during, id).get("processed").asInt() >= 500);
        assertThat(status(api, id).get("status").asString()).as("killed while admitting").isEqualTo("ADMITTING");

        service.destroyForcibly();
        service.waitFor(30, TimeUnit.SECONDS);
        start(false);
        api = new Api(port);

        JsonNode interrupted = status(api, id);
        assertThat(interrupted.get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("admitted").asInt()).isZero();
        assertThat(number("select count(*) from person where id_document like 'CRASH-%'")).isZero();
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();

        Api.Response again = api.postRaw("/api/intake/batches?batchId=vuelo-42", "registro", "text/csv", body);
        assertThat(again.status()).as(abbreviated(again)).isEqualTo(202);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        Api after = api;
        JsonNode done = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(after, id), r -> !r.get("status").asString().equals("ADMITTING"));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("admitted").asInt()).isEqualTo(10_000);
        assertThat(number("select count(*) from person where id_document like 'CRASH-%'")).isEqualTo(10_000);
        assertThat(number("select count(distinct id_document) from person where id_document like 'CRASH-%'"))
                .isEqualTo(10_000);
        assertThat(number(COUNTS_DIFFER)).as("every place's count equals its bookings").isZero();
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
        assertThat(api.postRaw("/api/intake/batches?batchId=vuelo-42", "registro", "text/csv", body).status())
                .as("and once only").isEqualTo(200);

        // a plan housing the 10,000 from reception, killed while it is being applied
        Api.Response proposed = api.post("/api/housing/plans", "registro",
                Map.of("facilityCode", "CECOT", "fromReception", true));
        assertThat(proposed.status()).as(abbreviated(proposed)).isEqualTo(201);
        long plan = proposed.json().get("id").asLong();
        assertThat(proposed.json().get("totalMoves").asInt()).isGreaterThan(1000);
        String inReception = """
                select count(*) from booking b join location l on l.id = b.location_id
                 where b.facility_code = 'CECOT' and b.released_at is null and l.kind = 'RECEPTION'""";
        long waiting = number(inReception);
        Api approver = api;
        CompletableFuture<Integer> applying = CompletableFuture.supplyAsync(() -> {
            try {
                return approver.post("/api/housing/plans/" + plan + "/apply", "direccion", "{}").status();
            } catch (RuntimeException connectionLost) {
                return -1;
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> number("""
                select count(*) from pg_stat_activity
                 where usename = 'custodia_app' and xact_start < now() - interval '300 milliseconds'""") > 0);
        assertThat(applying).as("killed while the plan is applied").isNotDone();

        service.destroyForcibly();
        service.waitFor(30, TimeUnit.SECONDS);
        start(false);
        api = new Api(port);

        assertThat(api.get("/api/housing/plans/" + plan, "direccion").json().get("status").asString())
                .isEqualTo("PROPOSED");
        assertThat(number(inReception)).as("nobody moved").isEqualTo(waiting);
        assertThat(number(COUNTS_DIFFER)).as("every place's count equals its bookings").isZero();
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
        Api.Response applied = api.post("/api/housing/plans/" + plan + "/apply", "direccion", "{}");
        assertThat(applied.status()).as(abbreviated(applied)).isEqualTo(200);
        assertThat(number(inReception)).isLessThan(waiting);
        assertThat(number(COUNTS_DIFFER)).isZero();
        assertThat(api.get("/api/ledger/verify", "inspector").json().get("valid").asBoolean()).isTrue();
    }

    static final String COUNTS_DIFFER = """
            select count(*) from location l
             where l.population <> (select count(*) from booking b
                                     where b.location_id = l.id and b.released_at is null)""";
}
