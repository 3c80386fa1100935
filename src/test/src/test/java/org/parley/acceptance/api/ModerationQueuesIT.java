package org.parley.acceptance.api;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server tells the console what it may do: the queues with their labels, sizes, orders and bulk
 * actions, and for each card the decisions offered now and the queues the comment is in.
 */
@ExtendWith(ParleyServer.class)
class ModerationQueuesIT {

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void queuesAreListedWithLabelsSizesOrdersAndBulkActions(ParleyServer.Server server) {
        Http.Reply reply = Http.admin(server).get("/api/v1/moderation/queues?site=demo");
        assertEquals(200, reply.status(), reply.body());
        JsonObject counts = reply.json().getJsonObject("counts");
        JsonArray queues = reply.json().getJsonArray("queues");
        assertEquals(List.of("held", "reported", "unmoderated", "approved", "rejected"),
                queues.getValuesAs(JsonObject.class).stream().map(q -> q.getString("name")).toList());
        for (JsonObject q : queues.getValuesAs(JsonObject.class)) {
            assertEquals(counts.getJsonNumber(q.getString("name")).longValue(), q.getJsonNumber("count").longValue(), q.toString());
            assertTrue(!q.getString("label").isBlank() && !q.getJsonArray("sorts").isEmpty(), q.toString());
        }
        JsonObject held = queues.getJsonObject(0), reported = queues.getJsonObject(1);
        assertEquals("Held", held.getString("label"));
        assertEquals(List.of("approve", "reject"), strings(held.getJsonArray("bulkActions")));
        assertEquals("oldest", strings(held.getJsonArray("sorts")).getFirst());
        assertEquals("reports", strings(reported.getJsonArray("sorts")).getFirst(), "heaviest reports first by default");
        assertEquals(List.of("approve", "remove", "reject"), strings(reported.getJsonArray("bulkActions")));
    }

    @Test
    void cardsCarryTheDecisionsOfferedAndTheQueuesTheCommentIsIn(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Queues and actions");
        Http reader = new Http(server);
        String id = Readers.post(reader, Readers.guestToken(reader, "Ida"), article,
                "The minutes of the March session list the votes of every member.", null, false)
                .json().getJsonObject("comment").getString("id");
        assertEquals(201, reader.send("POST", "/api/v1/comments/" + id + "/reports?site=demo", "{\"reason\":\"spam\"}",
                "Authorization", Readers.bearer(Readers.guestToken(reader, "Ola"))).status());

        Http.Reply page = admin.get("/api/v1/moderation/queues/reported?site=demo&article=" + article);
        assertEquals(200, page.status(), page.body());
        JsonObject card = page.json().getJsonArray("items").getJsonObject(0);
        assertEquals(id, card.getJsonObject("comment").getString("id"));
        assertEquals(List.of("approve", "reject", "remove", "hold", "feature"), strings(card.getJsonArray("actions")));
        assertEquals(List.of("reported", "unmoderated"), strings(card.getJsonArray("queues")));

        JsonObject kept = decide(admin, id, "approve", null);
        assertEquals(List.of("approved"), strings(kept.getJsonArray("queues")), "keeping it dismisses the reports");
        JsonObject featured = decide(admin, id, "feature", null);
        assertEquals(List.of("approve", "reject", "remove", "hold", "unfeature"), strings(featured.getJsonArray("actions")));
        JsonObject held = decide(admin, id, "hold", null);
        assertEquals(List.of("approve", "reject"), strings(held.getJsonArray("actions")));
        assertEquals(List.of("held"), strings(held.getJsonArray("queues")));
        JsonObject rejected = decide(admin, id, "reject", "spam");
        assertEquals(List.of("approve"), strings(rejected.getJsonArray("actions")));
        assertEquals(List.of("rejected"), strings(rejected.getJsonArray("queues")));
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
