package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** Posting rules over HTTP: idempotency keys, counts, edits, deletes, reactions, reports, rate limits. */
@ExtendWith(ParleyServer.class)
class PostingIT {

    @Test
    void retryWithTheSameIdempotencyKeyAnswersTheSameAndStoresOnce(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Idempotency");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Gil");
        String key = UUID.randomUUID().toString();
        String body = "{\"body\":\"A careful point about transit corridors.\"}";
        String path = "/api/v1/articles/" + article + "/comments?site=demo";
        Http.Reply first =
                reader.send("POST", path, body, "Authorization", Readers.bearer(token), "Idempotency-Key", key);
        Http.Reply second =
                reader.send("POST", path, body, "Authorization", Readers.bearer(token), "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status(), second.body());
        assertEquals(first.body(), second.body());
        assertEquals("true", second.header("Idempotency-Replayed"));
        assertEquals(1, counts(reader, article), "one comment stored");

        Http.Reply reused = reader.send(
                "POST",
                path,
                "{\"body\":\"Something else entirely.\"}",
                "Authorization",
                Readers.bearer(token),
                "Idempotency-Key",
                key);
        assertEquals(422, reused.status());
        assertEquals("idempotency-key-reused", reused.json().getString("code"));
    }

    @Test
    void countsAnswerForManyArticlesAndZeroForUnknownKeys(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String a = Readers.newArticle(admin, "Counts A");
        String b = Readers.newArticle(admin, "Counts B");
        Http reader = new Http(server);
        Readers.post(reader, Readers.guestToken(reader, "Hal"), a, "First civil comment on A.", null, false);
        Readers.post(reader, Readers.guestToken(reader, "Ida"), a, "Second civil comment on A.", null, false);
        Http.Reply counts = reader.get("/api/v1/counts?site=demo&keys=" + a + "," + b + ",no-such-article");
        assertEquals(200, counts.status(), counts.body());
        assertEquals(2, counts.json().getJsonObject("counts").getInt(a));
        assertEquals(0, counts.json().getJsonObject("counts").getInt(b));
        assertEquals(0, counts.json().getJsonObject("counts").getInt("no-such-article"));
    }

    @Test
    void authorsEditAndDeleteTheirOwnCommentsOnly(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Edit and delete");
        Http reader = new Http(server);
        String owner = Readers.guestToken(reader, "Jon");
        String other = Readers.guestToken(reader, "Kim");
        Http.Reply posted = Readers.post(reader, owner, article, "A first version of my point.", null, false);
        String id = posted.json().getJsonObject("comment").getString("id");
        int version = posted.json().getJsonObject("comment").getInt("version");
        assertTrue(posted.json().getJsonObject("comment").getBoolean("canEdit"));

        Http.Reply foreign = reader.send(
                "PATCH",
                "/api/v1/comments/" + id + "?site=demo",
                "{\"body\":\"Hijacked\",\"version\":" + version + "}",
                "Authorization",
                Readers.bearer(other));
        assertEquals(403, foreign.status(), foreign.body());

        Http.Reply edited = reader.send(
                "PATCH",
                "/api/v1/comments/" + id + "?site=demo",
                "{\"body\":\"A second, better version of my point.\",\"version\":" + version + "}",
                "Authorization",
                Readers.bearer(owner));
        assertEquals(200, edited.status(), edited.body());
        assertTrue(edited.json().getJsonObject("comment").getString("html").contains("second, better"));
        assertEquals(
                "A second, better version of my point.",
                edited.json().getJsonObject("comment").getString("body"),
                "the author gets back the Markdown they typed, to edit it again");
        Http.Reply asOwner = reader.send(
                "GET",
                "/api/v1/articles/" + article + "/comments?site=demo",
                null,
                "Authorization",
                Readers.bearer(owner));
        Http.Reply asOther = reader.send(
                "GET",
                "/api/v1/articles/" + article + "/comments?site=demo",
                null,
                "Authorization",
                Readers.bearer(other));
        assertEquals(
                "A second, better version of my point.",
                asOwner.json().getJsonArray("comments").getJsonObject(0).getString("body"),
                asOwner.body());
        var seenByOther = asOther.json().getJsonArray("comments").getJsonObject(0);
        assertTrue(
                !seenByOther.containsKey("body") || seenByOther.isNull("body"),
                "nobody else sees the raw text: " + asOther.body());

        Http.Reply stale = reader.send(
                "PATCH",
                "/api/v1/comments/" + id + "?site=demo",
                "{\"body\":\"Third version.\",\"version\":" + version + "}",
                "Authorization",
                Readers.bearer(owner));
        assertEquals(409, stale.status(), "an edit on an outdated version is refused: " + stale.body());

        assertEquals(
                403,
                reader.send(
                                "DELETE",
                                "/api/v1/comments/" + id + "?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(other))
                        .status());
        assertEquals(
                204,
                reader.send(
                                "DELETE",
                                "/api/v1/comments/" + id + "?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(owner))
                        .status());
        assertEquals(0, counts(reader, article));
    }

    @Test
    void readersReactOnceAndReportOnce(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "React and report");
        Http reader = new Http(server);
        String id = Readers.post(
                        reader,
                        Readers.guestToken(reader, "Lou"),
                        article,
                        "The trade figures in the article match the customs data I have seen for 2023.",
                        null,
                        false)
                .json()
                .getJsonObject("comment")
                .getString("id");
        String fan = Readers.guestToken(reader, "Mia");
        Http.Reply liked = reader.send(
                "POST", "/api/v1/comments/" + id + "/reactions?site=demo", null, "Authorization", Readers.bearer(fan));
        assertEquals(200, liked.status(), liked.body());
        assertEquals(1, liked.json().getInt("reactions"));
        assertEquals(
                1,
                reader.send(
                                "POST",
                                "/api/v1/comments/" + id + "/reactions?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(fan))
                        .json()
                        .getInt("reactions"),
                "reacting twice counts once");
        assertEquals(
                0,
                reader.send(
                                "DELETE",
                                "/api/v1/comments/" + id + "/reactions?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(fan))
                        .json()
                        .getInt("reactions"));

        String report = "{\"reason\":\"abusive\",\"text\":\"personal attack\"}";
        assertEquals(
                201,
                reader.send(
                                "POST",
                                "/api/v1/comments/" + id + "/reports?site=demo",
                                report,
                                "Authorization",
                                Readers.bearer(fan))
                        .status());
        assertEquals(
                409,
                reader.send(
                                "POST",
                                "/api/v1/comments/" + id + "/reports?site=demo",
                                report,
                                "Authorization",
                                Readers.bearer(fan))
                        .status(),
                "one report per reader");
        assertTrue(admin.get("/api/v1/moderation/queues/reported?site=demo&article=" + article)
                .body()
                .contains("\"" + id + "\""));
    }

    @Test
    void oneAuthorPostingInARapidBurstIsRateLimited(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Rate limit");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Ned");
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            Http.Reply reply = Readers.post(
                    reader, token, article, "Distinct civil remark number " + i + " about trade.", null, false);
            if (reply.status() == 429) {
                limited++;
                assertTrue(reply.header("Retry-After") != null, "429 says when to retry");
            }
        }
        assertTrue(limited > 0, "a burst of 8 posts by one author hits the per-author limit");
    }

    @Test
    void guestsNeedANameAndPreviewRendersSafeHtml(ParleyServer.Server server) {
        Http reader = new Http(server);
        Http.Reply noName = reader.post(
                "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo",
                Json.createObjectBuilder()
                        .add("body", "Hello there, a guest without a name.")
                        .build());
        assertEquals(400, noName.status(), noName.body());
        assertEquals(
                "author.name",
                noName.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Http.Reply preview = reader.post(
                "/api/v1/preview?site=demo",
                Json.createObjectBuilder()
                        .add("body", "**bold** <script>alert(1)</script>")
                        .build());
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.json().getString("html").contains("<strong>bold</strong>"));
        assertFalse(preview.json().getString("html").contains("<script"));
    }

    private static int counts(Http http, String article) {
        return http.get("/api/v1/counts?site=demo&keys=" + article)
                .json()
                .getJsonObject("counts")
                .getInt(article);
    }
}
