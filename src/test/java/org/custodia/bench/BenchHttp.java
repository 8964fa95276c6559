package org.custodia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** HTTP for the benchmarks that drive a running service: credentials, tokens, calls, latencies. */
final class BenchHttp {
    static final String PASSWORD = "bench-password-1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    BenchHttp(String base) {
        this.base = base;
    }

    interface Call {
        void run() throws Exception;
    }

    /** Five warm-up calls, then {@code reps} timed ones, sorted (ms). */
    static double[] timed(int reps, Call call) throws Exception {
        for (int i = 0; i < 5; i++) {
            call.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static String stats(double[] ms) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d calls)", ms[ms.length / 2],
                ms[(int) (ms.length * 0.9)], ms[ms.length - 1], ms.length);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    String token(String auth) throws Exception {
        String body = "{\"name\":\"bench\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}";
        return "Bearer " + JSON.readTree(send("POST", "/api/tokens", auth, body, 201)).get("token").asString();
    }

    String send(String method, String path, String auth, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
