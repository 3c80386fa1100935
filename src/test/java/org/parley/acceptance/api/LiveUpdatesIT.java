package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.EventStream;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** Server-Sent Events: an article's stream announces new visible comments; the queue stream announces counts. */
@ExtendWith(ParleyServer.class)
class LiveUpdatesIT {

    @Test
    void articleStreamAnnouncesAPublishedComment(ParleyServer.Server server) throws Exception {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Live");
        Http reader = new Http(server);
        try (EventStream stream = EventStream.open(reader, "/api/v1/articles/" + article + "/events?site=demo")) {
            assertEquals("count", stream.nextEvent().name(), "a count event on connect");
            Http.Reply posted = Readers.post(
                    reader,
                    Readers.guestToken(reader, "Pia"),
                    article,
                    "Live comment about the declaration's transport clause.",
                    null,
                    false);
            assertEquals(201, posted.status(), posted.body());
            String id = posted.json().getJsonObject("comment").getString("id");
            EventStream.Event event = stream.nextEvent();
            assertEquals("comment", event.name());
            assertTrue(event.data().contains("\"id\":\"" + id + "\""), event.data());
            assertTrue(event.data().contains("\"count\":1"), event.data());
        }
    }

    @Test
    void aHeldCommentTurnedDownIsAnnouncedWithoutSayingWhichOrWhy(ParleyServer.Server server) throws Exception {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Live decisions");
        assertEquals(
                200,
                admin.send("PATCH", "/api/v1/admin/sites/demo/articles/" + article, "{\"moderationMode\": \"pre\"}")
                        .status());
        Http reader = new Http(server);
        Http.Reply posted = Readers.post(
                reader,
                Readers.guestToken(reader, "Rex"),
                article,
                "Held until a moderator turns it down.",
                null,
                false);
        assertEquals(201, posted.status(), posted.body());
        String id = posted.json().getJsonObject("comment").getString("id");
        try (EventStream stream = EventStream.open(reader, "/api/v1/articles/" + article + "/events?site=demo")) {
            assertEquals("count", stream.nextEvent().name(), "a count event on connect");
            Http.Reply decided = admin.post(
                    "/api/v1/moderation/comments/" + id + "/decisions",
                    Json.createObjectBuilder()
                            .add("action", "reject")
                            .add("reason", "spam")
                            .build());
            assertEquals(200, decided.status(), decided.body());
            EventStream.Event event = stream.nextEvent();
            assertEquals("decided", event.name());
            assertEquals("{}", event.data(), "no id, no reason: only the author's widget knows whose it was");
        }
    }

    @Test
    void queueStreamSendsCountsToModeratorsOnly(ParleyServer.Server server) throws Exception {
        Http admin = Http.admin(server);
        assertEquals(
                401, new Http(server).get("/api/v1/moderation/events?site=demo").status());
        String article = Readers.newArticle(admin, "Live queue");
        try (EventStream stream = EventStream.open(admin, "/api/v1/moderation/events?site=demo")) {
            EventStream.Event first = stream.nextEvent();
            assertEquals("counts", first.name());
            assertTrue(first.data().contains("\"held\""), first.data());
            Http reader = new Http(server);
            Readers.post(
                    reader,
                    Readers.guestToken(reader, "Quin"),
                    article,
                    "Talk trash then move onto the next article",
                    null,
                    true);
            EventStream.Event changed = stream.nextEvent();
            assertEquals("counts", changed.name());
        }
    }
}
