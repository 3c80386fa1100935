package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** The whole path of a comment over HTTP: post, screening, held queue, decision, visible to readers. */
@ExtendWith(ParleyServer.class)
class ReaderAndModeratorFlowIT {

    @Test
    void civilCommentIsPublishedAndShownToEveryone(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Civil flow");
        Http reader = new Http(server);
        Http.Reply posted = reader.post(
                "/api/v1/articles/" + article + "/comments?site=demo",
                Json.createObjectBuilder()
                        .add("body", "I strongly disagree: the 1997 treaty already used this wording.")
                        .add("author", Json.createObjectBuilder().add("name", "Ann"))
                        .build());
        assertEquals(201, posted.status(), posted.body());
        JsonObject answer = posted.json();
        assertEquals("published", answer.getString("status"));
        assertNotNull(answer.getJsonObject("reader").getString("token"), "a guest gets a reader token");
        assertNotNull(posted.header("Location"));
        String id = answer.getJsonObject("comment").getString("id");

        Http.Reply thread = new Http(server).get("/api/v1/articles/" + article + "/comments?site=demo");
        assertEquals(200, thread.status());
        assertEquals(id, thread.json().getJsonArray("comments").getJsonObject(0).getString("id"));
        assertTrue(thread.json()
                .getJsonArray("comments")
                .getJsonObject(0)
                .getString("html")
                .contains("1997 treaty"));
    }

    @Test
    void hostileReplyIsHeldThenApprovedByAModeratorAndBecomesVisible(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Held flow");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Bob");
        Http.Reply parent = Readers.post(
                reader,
                Readers.guestToken(reader, "Carla"),
                article,
                "The declaration changed the balance of power in the region.",
                null,
                false);
        assertEquals(201, parent.status(), parent.body());
        String parentId = parent.json().getJsonObject("comment").getString("id");

        Http.Reply first = Readers.post(reader, token, article, "Yeah cool story man", parentId, false);
        Http.Reply held = first.status() == 200
                ? Readers.post(reader, token, article, "Yeah cool story man", parentId, true)
                : first;
        if (first.status() == 200) {
            assertTrue(first.json().containsKey("nudge"), "a 200 answer is a nudge: " + first.body());
        }
        assertEquals(201, held.status(), held.body());
        assertEquals("held", held.json().getString("status"));
        String id = held.json().getJsonObject("comment").getString("id");

        assertFalse(
                new Http(server)
                        .get("/api/v1/articles/" + article + "/comments?site=demo")
                        .body()
                        .contains("\"" + id + "\""),
                "held comments are hidden from other readers");
        String own = reader.get(
                        "/api/v1/articles/" + article + "/comments?site=demo", "Authorization", Readers.bearer(token))
                .body();
        assertTrue(
                own.contains("\"" + id + "\"") && own.contains("\"held\""), "the author sees their own held comment");

        Http.Reply queue = admin.get("/api/v1/moderation/queues/held?site=demo&article=" + article);
        assertEquals(200, queue.status(), queue.body());
        JsonObject item = queue.json().getJsonArray("items").getJsonObject(0);
        assertEquals(id, item.getJsonObject("comment").getString("id"));
        assertEquals("Yeah cool story man", item.getJsonObject("comment").getString("body"));
        assertEquals(parentId, item.getJsonObject("parent").getString("id"));
        assertTrue(item.getJsonObject("screening").getJsonArray("reasons").size() > 0);

        Http.Reply decided = admin.post(
                "/api/v1/moderation/comments/" + id + "/decisions",
                Json.createObjectBuilder()
                        .add("action", "approve")
                        .add("note", "fine in context")
                        .build());
        assertEquals(200, decided.status(), decided.body());
        assertEquals("published", decided.json().getJsonObject("comment").getString("status"));

        String thread = new Http(server)
                .get("/api/v1/articles/" + article + "/comments?site=demo")
                .body();
        assertTrue(thread.contains("\"" + id + "\""), "the approved reply is visible to everyone");

        Http.Reply audit = admin.get("/api/v1/moderation/audit?site=demo&comment=" + id);
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("\"approve\"") && audit.body().contains("fine in context"), audit.body());
    }

    @Test
    void rejectNeedsAReasonAndRemovesTheCommentFromTheQueue(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Reject flow");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Dan");
        Http.Reply held =
                Readers.post(reader, token, article, "Talk trash then move onto the next article", null, true);
        assertEquals(201, held.status(), held.body());
        assertEquals("held", held.json().getString("status"));
        String id = held.json().getJsonObject("comment").getString("id");

        Http.Reply missingReason = admin.post(
                "/api/v1/moderation/comments/" + id + "/decisions",
                Json.createObjectBuilder().add("action", "reject").build());
        assertEquals(400, missingReason.status(), missingReason.body());
        assertEquals(
                "reason",
                missingReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Http.Reply rejected = admin.post(
                "/api/v1/moderation/comments/" + id + "/decisions",
                Json.createObjectBuilder()
                        .add("action", "reject")
                        .add("reason", "incivility")
                        .build());
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("rejected", rejected.json().getJsonObject("comment").getString("status"));
        assertFalse(admin.get("/api/v1/moderation/queues/held?site=demo&article=" + article)
                .body()
                .contains("\"" + id + "\""));
        assertTrue(admin.get("/api/v1/moderation/queues/rejected?site=demo&article=" + article)
                .body()
                .contains("\"" + id + "\""));
    }

    @Test
    void demoThreadHasPublishedRepliesAndHostileOnesHeld(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http.Reply thread =
                new Http(server).get("/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo&limit=100");
        assertEquals(200, thread.status(), thread.body());
        assertTrue(thread.json().getJsonNumber("total").longValue() >= 8, thread.body());
        assertFalse(thread.body().contains("cool story"), "the hostile demo reply is not published");
        String held = admin.get("/api/v1/moderation/queues/held?site=demo&article=" + Readers.ARTICLE + "&limit=100")
                .body();
        assertTrue(held.contains("Yeah cool story man"), held);
        assertTrue(held.contains("Talk trash then move onto the next article"), held);
        Http.Reply article = new Http(server).get("/api/v1/sites/demo/articles/" + Readers.ARTICLE);
        assertTrue(article.json().getString("html").contains("Declaration on Allied Interaction"));
    }

    @Test
    void bulkApprovalDecidesEachCommentAndReportsFailuresPerId(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Bulk flow");
        Http reader = new Http(server);
        Http.Reply first =
                Readers.post(reader, Readers.guestToken(reader, "Eve"), article, "Yeah cool story man", null, true);
        Http.Reply second = Readers.post(
                reader, Readers.guestToken(reader, "Fay"), article, "A civil and useful remark on trade.", null, false);
        assertEquals("held", first.json().getString("status"), first.body());
        assertEquals("published", second.json().getString("status"), second.body());
        String held = first.json().getJsonObject("comment").getString("id");
        String published = second.json().getJsonObject("comment").getString("id");
        Http.Reply bulk = admin.post(
                "/api/v1/moderation/decisions",
                Json.createObjectBuilder()
                        .add(
                                "ids",
                                Json.createArrayBuilder()
                                        .add(held)
                                        .add(published)
                                        .add("999999999"))
                        .add("action", "approve")
                        .build());
        assertEquals(200, bulk.status(), bulk.body());
        var results = bulk.json().getJsonArray("results");
        assertTrue(results.getJsonObject(0).getBoolean("ok"), "held -> approved");
        assertEquals("published", results.getJsonObject(0).getString("status"));
        assertTrue(
                results.getJsonObject(1).getBoolean("ok"), "approving a published comment records the human decision");
        assertFalse(results.getJsonObject(2).getBoolean("ok"), "unknown id");
    }

    @Test
    void aPermalinkAsksTheWayToAReplyAndLearnsNothingOfHeldOnes(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Permalink context");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Ines");
        String root = id(Readers.post(reader, token, article, "A thread about the harbour.", null, false));
        String reply = id(Readers.post(reader, token, article, "A reply about the harbour.", root, false));
        String deep = id(Readers.post(reader, token, article, "A reply to the reply.", reply, false));

        Http.Reply way = new Http(server).get("/api/v1/comments/" + deep + "/context?site=demo");
        assertEquals(200, way.status(), way.body());
        assertEquals(deep, way.json().getString("id"));
        assertEquals(
                List.of(root, reply),
                way.json().getJsonArray("ancestors").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList(),
                "from the top-level comment down to the parent");
        JsonObject top = way.json().getJsonObject("root");
        assertEquals(root, top.getString("id"));
        assertTrue(top.getJsonArray("replies").isEmpty(), "replies come with the cursor");
        Http.Reply replies = new Http(server)
                .get("/api/v1/comments/" + root + "/replies?site=demo&cursor="
                        + URLEncoder.encode(top.getString("moreRepliesCursor"), StandardCharsets.UTF_8));
        assertEquals(200, replies.status(), replies.body());
        assertTrue(replies.body().contains("\"" + deep + "\""), replies.body());

        assertEquals(
                200,
                admin.send("PATCH", "/api/v1/admin/sites/demo/articles/" + article, "{\"moderationMode\": \"pre\"}")
                        .status());
        String held = id(Readers.post(reader, token, article, "Held for now.", root, false));
        assertEquals(
                404,
                new Http(server)
                        .get("/api/v1/comments/" + held + "/context?site=demo")
                        .status());
        assertEquals(
                200,
                reader.send(
                                "GET",
                                "/api/v1/comments/" + held + "/context?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(token))
                        .status(),
                "its author may follow a link to it");
    }

    private static String id(Http.Reply posted) {
        assertEquals(201, posted.status(), posted.body());
        return posted.json().getJsonObject("comment").getString("id");
    }
}
