package org.custodia.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.custodia.CustodiaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/people/search} end to end through HTTP on the national demo (about 113,000 people): the same
 * misspelled queries with HTTP Basic (a bcrypt check per request) and with a bearer token (one SHA-256 and one
 * indexed look-up), one client, one request at a time.
 * Run: {@code bench/run.sh org.custodia.bench.ApiSearchBenchmark [queries]}.
 */
public final class ApiSearchBenchmark {
    private static final String PASSWORD = "bench-password-1";

    private ApiSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CustodiaApplication.class)
                .run("--custodia.data-dir=target/bench-search", "--server.port=0",
                        "--custodia.demo.mega-population=40000", "--custodia.demo.other-facility-scale=9.4",
                        "--custodia.demo.password=" + PASSWORD, "--custodia.admin-password=" + PASSWORD,
                        "--logging.level.root=warn");
        try {
            run(ctx, queries);
        } finally {
            ctx.close();
        }
    }

    static void run(ConfigurableApplicationContext ctx, int queries) throws Exception {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        String base = "http://localhost:" + port;
        JdbcClient db = ctx.getBean(JdbcClient.class);
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("inspector:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String body = "{\"name\":\"benchmark\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("token not created: " + created.statusCode() + " " + created.body());
        }
        String bearer = "Bearer " + JsonMapper.builder().build().readTree(created.body()).get("token").asString();
        long people = db.sql("select count(*) from person").query(Long.class).single();

        Random random = new Random(42);
        List<SearchBenchmark.Target> targets = db.sql("""
                        select id, given_names, first_surname, second_surname, id_document from person
                         order by md5(id::text) limit ?""")
                .param(queries + 200)
                .query((rs, n) -> new SearchBenchmark.Target(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
        List<String> q = targets.stream().map(t -> SearchBenchmark.query(t, random)).toList();
        System.out.printf(Locale.ROOT, "people=%d queries=%d (after a warm-up pass of %d queries each)%n", people,
                queries, queries + 200);
        for (String auth : List.of(basic, bearer)) {
            // steady state: the JIT has compiled the whole request path before anything is measured
            for (String w : q) {
                call(http, base, auth, w);
            }
            long[] nanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                long t0 = System.nanoTime();
                call(http, base, auth, q.get(i));
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-6s end to end ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f mean=%.1f%n",
                    auth.startsWith("Basic") ? "Basic" : "Bearer", ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
        }
    }

    private static void call(HttpClient http, String base, String auth, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/people/search?limit=5&q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
