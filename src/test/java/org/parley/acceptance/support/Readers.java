package org.parley.acceptance.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;

/**
 * Reader-side helpers: a fresh guest with a token, and posting as that guest. Every test uses its
 * own guests, so tests do not share authors (or their rate limits). Also the screening reasons a
 * posted comment got, as moderators see them.
 */
public final class Readers {

    public static final String SITE = "demo";
    public static final String ARTICLE = "declaration-on-allied-interaction";

    private Readers() {}

    /** A new guest's reader token. */
    public static String guestToken(Http http, String name) {
        Http.Reply reply = http.post(
                "/api/v1/sites/" + SITE + "/readers",
                Json.createObjectBuilder().add("name", name).build());
        if (reply.status() != 201) {
            throw new IllegalStateException("guest sign-in failed: " + reply);
        }
        return reply.json().getString("token");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Posts {@code body} to {@code article} as the reader with {@code token}. */
    public static Http.Reply post(
            Http http, String token, String article, String body, String parentId, boolean confirm) {
        var json = Json.createObjectBuilder().add("body", body).add("confirm", confirm);
        if (parentId != null) {
            json.add("parentId", parentId);
        }
        return http.post(
                "/api/v1/articles/" + article + "/comments?site=" + SITE, json.build(), "Authorization", bearer(token));
    }

    /** Registers a fresh article (as administrator) and answers its key. */
    public static String newArticle(Http admin, String title) {
        String key = "it-" + UUID.randomUUID();
        JsonObject body = Json.createObjectBuilder()
                .add("key", key)
                .add("url", "https://news.example/" + key)
                .add("title", title)
                .build();
        Http.Reply reply = admin.post("/api/v1/admin/sites/" + SITE + "/articles", body);
        if (reply.status() != 201) {
            throw new IllegalStateException("article registration failed: " + reply);
        }
        return key;
    }

    /** The screening reasons of comment {@code id} in a moderation {@code queue} of {@code article}. */
    public static List<String> screeningReasons(Http admin, String queue, String article, String id) {
        Http.Reply page = admin.get(
                "/api/v1/moderation/queues/" + queue + "?site=" + SITE + "&article=" + article + "&limit=100");
        if (page.status() != 200) {
            throw new AssertionError("queue " + queue + ": " + page);
        }
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonObject("comment").getString("id").equals(id))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("comment " + id + " not in the " + queue + " queue: " + page.body()))
                .getJsonObject("screening")
                .getJsonArray("reasons")
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }
}
