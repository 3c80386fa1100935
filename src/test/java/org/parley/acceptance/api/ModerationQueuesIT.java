package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * The server tells the console what it may do: the queues with their labels, sizes, orders and bulk
 * actions, and for each card the decisions offered now and the queues the comment is in.
 */
@ExtendWith(ParleyServer.class)
class ModerationQueuesIT {

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void queuesAreListedWithLabelsSizesOrdersAndBulkActions(ParleyServer.Server server) {
        Http.Reply reply = Http.admin(server).get("/api/v1/moderation/queues?site=demo");
        assertEquals(200, reply.status(), reply.body());
        JsonObject counts = reply.json().getJsonObject("counts");
        JsonArray queues = reply.json().getJsonArray("queues");
        assertEquals(
                List.of("held", "reported", "unmoderated", "approved", "rejected"),
                queues.getValuesAs(JsonObject.class).stream()
                        .map(q -> q.getString("name"))
                        .toList());
        for (JsonObject q : queues.getValuesAs(JsonObject.class)) {
            assertEquals(
                    counts.getJsonNumber(q.getString("name")).longValue(),
                    q.getJsonNumber("count").longValue(),
                    q.toString());
            assertTrue(
                    !q.getString("label").isBlank() && !q.getJsonArray("sorts").isEmpty(), q.toString());
        }
        JsonObject held = queues.getJsonObject(0), reported = queues.getJsonObject(1);
        assertEquals("Held for review", held.getString("label"));
        assertTrue(held.getString("description").contains("readers do not see them"), held.toString());
        assertEquals(List.of("approve", "reject"), strings(held.getJsonArray("bulkActions")));
        assertEquals("oldest", strings(held.getJsonArray("sorts")).getFirst());
        assertEquals(
                "reports", strings(reported.getJsonArray("sorts")).getFirst(), "heaviest reports first by default");
        assertEquals(List.of("approve", "remove", "reject"), strings(reported.getJsonArray("bulkActions")));
    }

    @Test
    void everyActionOfTheAuditLogIsListedWithItsLabelAndWhetherItNeedsAReason(ParleyServer.Server server) {
        Http.Reply reply = Http.admin(server).get("/api/v1/moderation/actions");
        assertEquals(200, reply.status(), reply.body());
        List<JsonObject> actions = reply.array().getValuesAs(JsonObject.class);
        List<String> names = actions.stream().map(a -> a.getString("name")).toList();
        assertEquals(List.of("approve", "reject", "remove", "hold", "feature", "unfeature"), names.subList(0, 6));
        assertTrue(
                names.containsAll(List.of("screen", "suspend_author", "site_settings", "site_policy", "import")),
                names.toString());
        JsonObject reject = actions.get(1), policy = actions.get(names.indexOf("site_policy"));
        assertEquals("Rejected", reject.getString("label"));
        assertTrue(reject.getBoolean("moderator") && reject.getBoolean("needsReason"), reject.toString());
        assertEquals("Changed screening policy", policy.getString("label"));
        assertTrue(!policy.getBoolean("moderator") && !policy.getBoolean("needsReason"), policy.toString());
        assertTrue(actions.stream().noneMatch(a -> a.getString("label").isBlank()), actions.toString());

        Http.Reply audit = Http.admin(server).get("/api/v1/moderation/audit?action=reject&limit=1");
        assertEquals(200, audit.status(), audit.body());
        for (JsonObject entry : audit.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertEquals("Rejected", entry.getString("actionLabel"), entry.toString());
        }
        Http.Reply unknown = Http.admin(server)
                .post(
                        "/api/v1/moderation/comments/1/decisions",
                        Json.createObjectBuilder().add("action", "screen").build());
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("approve, reject, remove, hold, feature, unfeature"), unknown.body());
    }

    @Test
    void cardsCarryTheDecisionsOfferedAndTheQueuesTheCommentIsIn(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Queues and actions");
        Http reader = new Http(server);
        String id = Readers.post(
                        reader,
                        Readers.guestToken(reader, "Ida"),
                        article,
                        "The minutes of the March session list the votes of every member.",
                        null,
                        false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        assertEquals(
                201,
                reader.send(
                                "POST",
                                "/api/v1/comments/" + id + "/reports?site=demo",
                                "{\"reason\":\"spam\"}",
                                "Authorization",
                                Readers.bearer(Readers.guestToken(reader, "Ola")))
                        .status());

        Http.Reply page = admin.get("/api/v1/moderation/queues/reported?site=demo&article=" + article);
        assertEquals(200, page.status(), page.body());
        JsonObject card = page.json().getJsonArray("items").getJsonObject(0);
        assertEquals(id, card.getJsonObject("comment").getString("id"));
        assertEquals(List.of("approve", "reject", "remove", "hold", "feature"), strings(card.getJsonArray("actions")));
        assertEquals(List.of("reported", "unmoderated"), strings(card.getJsonArray("queues")));

        JsonObject kept = decide(admin, id, "approve", null);
        assertEquals(List.of("approved"), strings(kept.getJsonArray("queues")), "keeping it dismisses the reports");
        JsonObject featured = decide(admin, id, "feature", null);
        assertEquals(
                List.of("approve", "reject", "remove", "hold", "unfeature"), strings(featured.getJsonArray("actions")));
        JsonObject held = decide(admin, id, "hold", null);
        assertEquals(List.of("approve", "reject"), strings(held.getJsonArray("actions")));
        assertEquals(List.of("held"), strings(held.getJsonArray("queues")));
        JsonObject rejected = decide(admin, id, "reject", "spam");
        assertEquals(List.of("approve"), strings(rejected.getJsonArray("actions")));
        assertEquals(List.of("rejected"), strings(rejected.getJsonArray("queues")));
    }

    @Test
    void queuesAreSearchedByTextAndAuthorAndTheAuditLogByUsernameWithNamesAndExcerpts(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Searching the queues");
        Http reader = new Http(server);
        String vera = Readers.post(
                        reader,
                        Readers.guestToken(reader, "Vera Search"),
                        article,
                        "The bridge tolls fund the ferry, says the council report.",
                        null,
                        false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        String walt = Readers.post(
                        reader,
                        Readers.guestToken(reader, "Walt Other"),
                        article,
                        "Ferry timetables changed in spring.",
                        null,
                        false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        String queue = "/api/v1/moderation/queues/unmoderated?site=demo&article=" + article;

        assertEquals(List.of(vera, walt), ids(admin.get(queue + "&q=FERRY")));
        assertEquals(List.of(vera), ids(admin.get(queue + "&q=bridge%20tolls")));
        assertEquals(List.of(walt), ids(admin.get(queue + "&author=walt")));
        assertEquals(List.of(), ids(admin.get(queue + "&author=walt&q=bridge")));
        Http.Reply all = admin.get(queue + "&q=ferry");
        assertEquals(2, all.json().getInt("count"), "the count is the queue's");

        decide(admin, vera, "reject", "off_topic");
        Http.Reply byName = admin.get("/api/v1/moderation/audit?site=demo&action=reject&actor=" + server.adminUser());
        assertEquals(200, byName.status(), byName.body());
        JsonObject entry = byName.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> vera.equals(e.getString("commentId", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(byName.body()));
        assertEquals(server.adminUser(), entry.getString("actor"));
        assertEquals("Vera Search", entry.getString("commentAuthor"));
        assertEquals("The bridge tolls fund the ferry, says the council report.", entry.getString("excerpt"));
        assertEquals("Searching the queues", entry.getString("articleTitle"));
        Http.Reply nobody = admin.get("/api/v1/moderation/audit?site=demo&actor=no-such-moderator");
        assertEquals(200, nobody.status(), nobody.body());
        assertTrue(nobody.json().getJsonArray("items").isEmpty(), nobody.body());
    }

    @Test
    void anAuthorAsksWhatBecameOfTheirOwnHeldCommentAndNobodyElseMay(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Own status");
        assertEquals(
                200,
                admin.send("PATCH", "/api/v1/admin/sites/demo/articles/" + article, "{\"moderationMode\": \"pre\"}")
                        .status());
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Yara");
        String id = Readers.post(reader, token, article, "Held until someone reads it.", null, false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        String path = "/api/v1/comments/" + id + "/status?site=demo";

        Http.Reply held = reader.send("GET", path, null, "Authorization", Readers.bearer(token));
        assertEquals(200, held.status(), held.body());
        assertEquals("held", held.json().getString("status"));
        assertEquals(
                404,
                reader.send("GET", path, null, "Authorization", Readers.bearer(Readers.guestToken(reader, "Zed")))
                        .status(),
                "another reader learns nothing, as of an unknown comment");
        assertEquals(401, reader.get(path).status(), "a reader token is needed");

        decide(admin, id, "reject", "off_topic");
        JsonObject rejected = reader.send("GET", path, null, "Authorization", Readers.bearer(token))
                .json();
        assertEquals("rejected", rejected.getString("status"));
        assertEquals("off_topic", rejected.getString("reasonCode"));
        assertEquals("It is not about the article or the discussion.", rejected.getString("reason"));
        assertEquals(
                "Er hat nichts mit dem Artikel oder der Diskussion zu tun.",
                reader.send("GET", path, null, "Authorization", Readers.bearer(token), "Accept-Language", "de-DE,de")
                        .json()
                        .getString("reason"),
                "in the reader's language");

        String other = Readers.post(
                        reader, token, article, "A second one, turned down for a private reason.", null, false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        var privately = Json.createObjectBuilder()
                .add("action", "reject")
                .add("reason", "Troll from last week")
                .add("note", "same person as the banned account")
                .build();
        assertEquals(
                200,
                admin.post("/api/v1/moderation/comments/" + other + "/decisions", privately)
                        .status());
        JsonObject general = reader.send(
                        "GET",
                        "/api/v1/comments/" + other + "/status?site=demo",
                        null,
                        "Authorization",
                        Readers.bearer(token))
                .json();
        assertEquals("other", general.getString("reasonCode"), "a code of the moderator's own is not shown");
        assertEquals("It does not follow the site's discussion rules.", general.getString("reason"));
        assertFalse(general.toString().contains("banned account"), "nor is the moderator's note");
    }

    private static List<String> ids(Http.Reply page) {
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getJsonObject("comment").getString("id"))
                .toList();
    }

    private static JsonObject decide(Http admin, String id, String action, String reason) {
        var body = Json.createObjectBuilder().add("action", action);
        if (reason != null) {
            body.add("reason", reason);
        }
        Http.Reply reply = admin.post("/api/v1/moderation/comments/" + id + "/decisions", body.build());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
