package org.parley.acceptance.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small JSON client for the acceptance tests over {@link java.net.http.HttpClient}. Each instance
 * has its own cookie jar (so one instance is one browser session); {@link #signIn} gives a staff
 * session that sends the CSRF header on writes.
 */
public final class Http {

    /** An answer: status, headers and the body as text (and JSON on demand). */
    public record Reply(int status, HttpHeaders headers, String body) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final ParleyServer.Server server;
    private final HttpClient client;
    private String csrf;

    public Http(ParleyServer.Server server) {
        this(
                server,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(10))
                        .build(),
                null);
    }

    private Http(ParleyServer.Server server, HttpClient client, String csrf) {
        this.server = server;
        this.client = client;
        this.csrf = csrf;
    }

    /** A client whose connections come from {@code localAddress} (any of 127.0.0.0/8), so the server sees that client address. */
    public static Http from(ParleyServer.Server server, InetAddress localAddress) {
        return new Http(
                server,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .localAddress(localAddress)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build(),
                null);
    }

    /** The same session (cookies, CSRF token) talking to another server, e.g. another instance of a cluster. */
    public Http at(ParleyServer.Server other) {
        return new Http(other, client, csrf);
    }

    /** The same session (cookies) that does not send its CSRF token. */
    public Http withoutCsrf() {
        return new Http(server, client, null);
    }

    /** A new session signed in as {@code username}, sending its CSRF token on writes. */
    public static Http signIn(ParleyServer.Server server, String username, String password) {
        Http http = new Http(server);
        Reply reply = http.post(
                "/api/v1/auth/login",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build());
        if (reply.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + reply);
        }
        http.csrf = reply.json().getString("csrfToken");
        return http;
    }

    /** Signs in as the administrator the launcher configured. */
    public static Http admin(ParleyServer.Server server) {
        return signIn(server, server.adminUser(), server.adminPassword());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, JsonStructure body, String... headers) {
        return send("POST", path, body == null ? null : body.toString(), headers);
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null && !"GET".equals(method)) {
            request.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The underlying client (for streaming, e.g. Server-Sent Events). */
    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return server.uri(path);
    }
}
