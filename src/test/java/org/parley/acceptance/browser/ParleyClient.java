package org.parley.acceptance.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.parley.acceptance.support.ParleyServer.Server;

/**
 * The HTTP calls the browser tests make around the browser: an administrator (HTTP Basic, per
 * docs/api.md) registers the host page's origin and creates the test's own article; a guest posts
 * comments. Every call fails the test with the server's problem JSON when the status is not the
 * expected one.
 */
final class ParleyClient {

    static final String SITE = "demo";
    private static final String JSON = "application/json";

    private final Server server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ParleyClient(Server server) {
        this.server = server;
    }

    void allowOrigin(String origin) {
        allowOrigin(SITE, origin);
    }

    void allowOrigin(String site, String origin) {
        admin(
                "POST",
                "/api/v1/admin/sites/" + site + "/origins",
                Json.createObjectBuilder().add("origin", origin).build(),
                200);
    }

    /**
     * Makes sure the site exists (it may have been created by another test: the launcher gives a
     * fixed site its sign-in secret) and accepts the host page's origin.
     */
    void ensureSite(String key, HostPage host) {
        admin(
                "POST",
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", "Site " + key)
                        .add("origins", Json.createArrayBuilder().add(host.origin()))
                        .build(),
                201,
                409);
        allowOrigin(key, host.origin());
    }

    /** A fresh article of the demo site for one test, so that tests never see each other's comments. */
    String newArticle(String prefix, HostPage host) {
        return newArticle(SITE, prefix, host, "post");
    }

    /** A fresh article of the demo site in pre-moderation: every comment posted to it is held. */
    String newHeldArticle(String prefix, HostPage host) {
        return newArticle(SITE, prefix, host, "pre");
    }

    String newArticle(String site, String prefix, HostPage host, String moderationMode) {
        String key = unique(prefix);
        admin(
                "POST",
                "/api/v1/admin/sites/" + site + "/articles",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("url", host.articleUrl(key))
                        .add("title", "Host article " + key)
                        .add("moderationMode", moderationMode)
                        .build(),
                201);
        return key;
    }

    /** A fresh site that allows no guests; its only origin is the host page's. */
    String newSiteWithoutGuests(HostPage host) {
        String key = unique("members");
        admin(
                "POST",
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", "Members-only site " + key)
                        .add("origins", Json.createArrayBuilder().add(host.origin()))
                        .add("guestsAllowed", false)
                        .build(),
                201);
        return key;
    }

    /** A fresh site whose only origin is somewhere else: a page of the host is not allowed to embed it. */
    String newSiteElsewhere() {
        String key = unique("elsewhere");
        admin(
                "POST",
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", "Site " + key)
                        .add("origins", Json.createArrayBuilder().add("https://elsewhere.example"))
                        .build(),
                201);
        return key;
    }

    /** Lets the site's comments (and its readers' pictures) show images, or not. */
    void imagesAllowed(String site, boolean allowed) {
        admin(
                "PATCH",
                "/api/v1/admin/sites/" + site,
                Json.createObjectBuilder().add("imagesAllowed", allowed).build(),
                200);
    }

    /** What the admin API says of a site, an article of it, its policy, or the accounts (a path under /api/v1/admin/). */
    JsonObject adminGet(String path) {
        return admin("GET", "/api/v1/admin/" + path, null, 200);
    }

    /** The site's latest audit record of an action (site_settings, site_policy, …). */
    JsonObject latestAudit(String site, String action) {
        return admin("GET", "/api/v1/moderation/audit?site=" + site + "&action=" + action + "&limit=1", null, 200)
                .getJsonArray("items")
                .getJsonObject(0);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Posts as a new guest (a reply when {@code parentId} is not null), confirming through a nudge
     * if there is one; returns the 201 answer ({@code comment}, {@code status}, {@code reader}).
     */
    JsonObject postAsGuest(String key, String name, String body, String parentId) {
        return postAsGuest(SITE, key, name, body, parentId);
    }

    /** The same on an article of another site. */
    JsonObject postAsGuest(String site, String key, String name, String body, String parentId) {
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("body", body)
                .add("author", Json.createObjectBuilder().add("name", name));
        if (parentId != null) {
            request.add("parentId", parentId);
        }
        JsonObject first = request.build();
        JsonObject answer = call("POST", "/api/v1/articles/" + key + "/comments?site=" + site, first, null, 200, 201);
        if (answer.containsKey("nudge")) {
            answer = call(
                    "POST",
                    "/api/v1/articles/" + key + "/comments?site=" + site,
                    Json.createObjectBuilder(first).add("confirm", true).build(),
                    null,
                    201);
        }
        return answer;
    }

    /** Posts as a new guest and makes sure every reader can see the comment (approving it if it was held). */
    String publishAsGuest(String key, String name, String body, String parentId) {
        JsonObject answer = postAsGuest(key, name, body, parentId);
        String id = answer.getJsonObject("comment").getString("id");
        if (!"published".equals(answer.getString("status"))) {
            approve(id);
        }
        return id;
    }

    /** The moderation queue (held, reported, ...) restricted to one article. */
    JsonObject queue(String queue, String key) {
        return admin("GET", "/api/v1/moderation/queues/" + queue + "?site=" + SITE + "&article=" + key, null, 200);
    }

    void approve(String commentId) {
        admin(
                "POST",
                "/api/v1/moderation/comments/" + commentId + "/decisions",
                Json.createObjectBuilder()
                        .add("action", "approve")
                        .add("note", "browser test")
                        .build(),
                200);
    }

    void reject(String commentId) {
        admin(
                "POST",
                "/api/v1/moderation/comments/" + commentId + "/decisions",
                Json.createObjectBuilder()
                        .add("action", "reject")
                        .add("reason", "off_topic")
                        .build(),
                200);
    }

    /** The text the API answers an administrator (a path under /api/v1/, e.g. an export). */
    String adminText(String path) {
        return send("GET", "/api/v1/" + path, null, basic(), "*/*", 200);
    }

    /** A list the API answers an administrator (a path under /api/v1/, e.g. {@code moderation/actions}). */
    JsonArray adminList(String path) {
        return Json.createReader(new StringReader(send("GET", "/api/v1/" + path, null, basic(), JSON, 200)))
                .readArray();
    }

    private JsonObject admin(String method, String path, JsonObject body, int... expected) {
        return call(method, path, body, basic(), expected);
    }

    private String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (server.adminUser() + ":" + server.adminPassword()).getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject call(String method, String path, JsonObject body, String authorization, int... expected) {
        String text = send(method, path, body, authorization, JSON, expected);
        return text == null || text.isBlank()
                ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(text)).readObject();
    }

    private String send(
            String method, String path, JsonObject body, String authorization, String accept, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
