package org.custodia.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running service over HTTP, as any client would. */
public final class Api {
    public static final String DEMO_PASSWORD = "demo-password-123";
    public static final String ADMIN_PASSWORD = "llave-maestra-de-prueba-1";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public static String passwordOf(String user) {
        return user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response post(String path, String user, Object body) {
        return post(path, user, JSON.writeValueAsString(body));
    }

    public Response put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response postRaw(String path, String user, String contentType, String body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON body sent in chunks, without a declared length. */
    public Response postChunked(String path, String user, byte[] body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /** A request with a bearer token instead of a password. */
    public Response getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    public Response postWithToken(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response putWithToken(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response deleteWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .DELETE());
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    /** A GET with the password given (a wrong one, or one just changed). */
    public Response getWithPassword(String path, String user, String password) {
        return send(request(path, user, password).GET());
    }

    public Response postWithPassword(String path, String user, String password, Object body) {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path, String user) {
        return request(path, user, user == null ? null : passwordOf(user));
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            b.header("Authorization", "Basic " + basic(user, password));
        }
        return b;
    }

    public static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
