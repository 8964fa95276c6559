package org.custodia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;
import org.custodia.CustodiaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch intake of 10,000 people through the API, on the full demo (47,780 people already held): validation,
 * duplicate check against everyone known, storage, ledger entries, placement in reception.
 * Run: {@code bench/run.sh org.custodia.bench.IntakeBenchmark [rows]}.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CustodiaApplication.class)
                .run("--custodia.data-dir=target/bench-intake", "--custodia.db.embedded.clean=true", "--server.port=0",
                        "--custodia.demo.password=bench-password-1", "--custodia.admin-password=bench-password-1",
                        "--logging.level.root=warn");
        try {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            run(port, n);
        } finally {
            ctx.close();
        }
    }

    static void run(int port, int n) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Faker faker = new Faker(Locale.forLanguageTag("es"), new Random(7));
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("givenNames", faker.name().malefirstName());
            r.put("firstSurname", faker.name().lastName());
            r.put("secondSurname", faker.name().lastName());
            r.put("aliases", i % 4 == 0 ? List.of("El Catire") : List.of());
            r.put("dateOfBirth", "19" + (70 + i % 30) + "-0" + (1 + i % 9) + "-1" + (i % 9));
            r.put("sex", "MALE");
            r.put("nationality", "VEN");
            r.put("idDocument", "VB" + (10_000_000 + i));
            r.put("legalStatus", "HELD_FOR_ANOTHER_STATE");
            r.put("authority", "Estados Unidos de América (contrato de servicios penitenciarios)");
            r.put("documentReference", "TRF-2026-" + i);
            r.put("legalBasis", "Acuerdo de servicios penitenciarios 2025");
            r.put("arrestedAt", "2026-11-28T10:00:00Z");
            r.put("arrestPlace", "Traslado aéreo, Aeropuerto Internacional de El Salvador");
            r.put("facilityCode", "CECOT");
            rows.add(r);
        }
        String body = json.writeValueAsString(rows);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("registro:bench-password-1"
                .getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/intake/batches")).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        JsonNode report = json.readTree(r.body());
        String id = report.get("id").asString();
        System.out.printf(Locale.ROOT, "submitted %d rows (%d KiB): HTTP %d after %.2f s, status %s, held %d, errors %d%n",
                n, body.length() / 1024, r.statusCode(), (accepted - t0) / 1e9, report.get("status").asString(),
                report.get("held").asInt(), report.get("errors").size());
        String status = report.get("status").asString();
        int lastProgress = -1;
        while (status.equals("ADMITTING")) {
            Thread.sleep(200);
            report = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/intake/batches/" + id)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            status = report.get("status").asString();
            int p = report.get("processed").asInt();
            if (p != lastProgress) {
                System.out.printf(Locale.ROOT, "  %.1f s: %d processed%n", (System.nanoTime() - t0) / 1e9, p);
                lastProgress = p;
            }
        }
        long done = System.nanoTime();
        System.out.printf(Locale.ROOT, "status %s: %d admitted in %.2f s from upload to done (%.0f admissions/s)%n",
                status, report.get("admitted").asInt(), (done - t0) / 1e9,
                report.get("admitted").asInt() / ((done - t0) / 1e9));
    }
}
