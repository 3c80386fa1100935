package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** The moderator's other tools: author standing, featuring, the dashboard, the policy dry run, audit search. */
@ExtendWith(ParleyServer.class)
class ModerationToolsIT {

    @Test
    void suspendedAuthorCannotPostUntilReinstated(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Suspension");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Rex");
        Http.Reply first =
                Readers.post(reader, token, article, "The customs figures for 2023 show trade growing.", null, false);
        assertEquals(201, first.status(), first.body());
        String author =
                first.json().getJsonObject("comment").getJsonObject("author").getString("id");

        Http.Reply suspended = admin.post(
                "/api/v1/moderation/authors/" + author + "/suspension",
                Json.createObjectBuilder()
                        .add("days", 7)
                        .add("reason", "Repeated insults")
                        .add("note", "three warnings")
                        .build());
        assertEquals(200, suspended.status(), suspended.body());
        assertEquals("suspended", suspended.json().getString("standing"));

        Http.Reply refused =
                Readers.post(reader, token, article, "I read the 2020 statement again, it is short.", null, false);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("author-suspended", refused.json().getString("code"));

        assertEquals(
                "active",
                admin.send("DELETE", "/api/v1/moderation/authors/" + author + "/suspension", null)
                        .json()
                        .getString("standing"));
        assertEquals(
                201,
                Readers.post(reader, token, article, "Thanks for the summary of the consultations clause.", null, false)
                        .status());

        Http.Reply history = admin.get("/api/v1/moderation/authors/" + author);
        assertEquals(200, history.status(), history.body());
        assertTrue(history.json().getJsonArray("recent").size() >= 2);
        Http.Reply audit = admin.get("/api/v1/moderation/audit?action=suspend_author&limit=200");
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains(author) && audit.body().contains("repeated_insults"), audit.body());
    }

    @Test
    void featuredCommentIsMarkedForReaders(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Featured");
        Http reader = new Http(server);
        String id = Readers.post(
                        reader,
                        Readers.guestToken(reader, "Sia"),
                        article,
                        "Good explainer on the legal difference between a freeze and a withdrawal.",
                        null,
                        false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        Http.Reply featured = admin.post(
                "/api/v1/moderation/comments/" + id + "/decisions",
                Json.createObjectBuilder().add("action", "feature").build());
        assertEquals(200, featured.status(), featured.body());
        JsonObject shown = reader.get("/api/v1/articles/" + article + "/comments?site=demo")
                .json()
                .getJsonArray("comments")
                .getJsonObject(0);
        assertTrue(shown.getBoolean("featured"));
    }

    @Test
    void dashboardAndPolicyDryRunAnswerFromRecentComments(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http.Reply stats = admin.get("/api/v1/moderation/stats?site=demo&days=7");
        assertEquals(200, stats.status(), stats.body());
        assertEquals(7, stats.json().getJsonArray("perDay").size());
        assertTrue(stats.json().getJsonNumber("total").longValue() > 0);

        Http.Reply strict = admin.post(
                "/api/v1/moderation/policy/dry-run",
                Json.createObjectBuilder()
                        .add("site", "demo")
                        .add("limit", 200)
                        .add("thresholds", Json.createObjectBuilder().add("uncivil", 0.01))
                        .build());
        assertEquals(200, strict.status(), strict.body());
        assertTrue(strict.json().getInt("evaluated") > 0);
        assertTrue(strict.json().getInt("changed") > 0, "a near-zero threshold holds more: " + strict.body());

        Http.Reply bad = admin.post(
                "/api/v1/moderation/policy/dry-run",
                Json.createObjectBuilder()
                        .add("site", "demo")
                        .add("thresholds", Json.createObjectBuilder().add("rudeness", 0.5))
                        .build());
        assertEquals(400, bad.status());
        assertEquals(
                "thresholds.rudeness",
                bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void moderatorOfOneSiteSeesOnlyThatSite(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String other = "other-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", other)
                                        .add("name", "Other")
                                        .build())
                        .status());
        String username = "demo-mod-" + System.nanoTime();
        String password = "demo-moderator-password";
        admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("role", "moderator")
                        .add("site", "demo")
                        .build());
        Http moderator = Http.signIn(server, username, password);
        assertEquals(
                200, moderator.get("/api/v1/moderation/queues/held?site=demo").status());
        assertEquals(
                403,
                moderator.get("/api/v1/moderation/queues/held?site=" + other).status());
    }
}
