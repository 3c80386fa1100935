package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * The public read path on one instance: anonymous thread pages and counts carry a strong ETag and
 * public Cache-Control, answer 304 to a current If-None-Match, are never stale after a write that
 * changes them, and nothing answered to a reader's credentials is cacheable by others.
 */
@ExtendWith(ParleyServer.class)
class ReadCachingIT {

    private static String page(String article) {
        return "/api/v1/articles/" + article + "/comments?site=demo";
    }

    @Test
    void anonymousPageHasAStrongEtagAndPublicShortLivedCaching(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Cached page");
        Http anonymous = new Http(server);
        Http.Reply first = anonymous.get(page(article));
        Http.Reply second = anonymous.get(page(article));
        assertEquals(200, first.status(), first.body());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        String cacheControl = first.header("Cache-Control");
        assertTrue(
                cacheControl.contains("public")
                        && cacheControl.contains("max-age=")
                        && cacheControl.contains("stale-while-revalidate="),
                cacheControl);
        assertEquals(etag, second.header("ETag"));
        assertEquals(first.body(), second.body());
        assertEquals(cacheControl, second.header("Cache-Control"));
    }

    @Test
    void currentEtagInIfNoneMatchAnswersNotModified(ParleyServer.Server server) {
        Http anonymous = new Http(server);
        Http.Reply page = anonymous.get(page(Readers.ARTICLE));
        String etag = page.header("ETag");
        for (int i = 0; i < 2; i++) {
            Http.Reply again = anonymous.get(page(Readers.ARTICLE), "If-None-Match", etag);
            assertEquals(304, again.status());
            assertEquals("", again.body());
            assertEquals(etag, again.header("ETag"));
            assertTrue(again.header("Cache-Control").contains("public"), again.header("Cache-Control"));
        }
        assertEquals(
                200,
                anonymous
                        .get(page(Readers.ARTICLE), "If-None-Match", "\"something-else\"")
                        .status());
        Http.Reply counts = anonymous.get("/api/v1/counts?site=demo&keys=" + Readers.ARTICLE);
        assertEquals(
                304,
                anonymous
                        .get("/api/v1/counts?site=demo&keys=" + Readers.ARTICLE, "If-None-Match", counts.header("ETag"))
                        .status());
    }

    @Test
    void postedCommentAppearsOnTheNextAnonymousReadWithANewEtag(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Invalidated by posts");
        Http anonymous = new Http(server);
        Http.Reply before = anonymous.get(page(article));
        Http.Reply countsBefore = anonymous.get("/api/v1/counts?site=demo&keys=" + article);
        assertEquals(0, countsBefore.json().getJsonObject("counts").getInt(article));
        Http reader = new Http(server);
        Http.Reply posted = Readers.post(
                reader,
                Readers.guestToken(reader, "Ola"),
                article,
                "The rail corridor deserves a closer look than it got.",
                null,
                false);
        assertEquals(201, posted.status(), posted.body());
        String id = posted.json().getJsonObject("comment").getString("id");

        Http.Reply after = anonymous.get(page(article), "If-None-Match", before.header("ETag"));
        assertEquals(200, after.status(), "the old ETag no longer matches");
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        assertTrue(after.body().contains("\"id\":\"" + id + "\""), after.body());
        assertEquals(1, after.json().getInt("total"));
        Http.Reply countsAfter = anonymous.get("/api/v1/counts?site=demo&keys=" + article);
        assertEquals(1, countsAfter.json().getJsonObject("counts").getInt(article));
        assertNotEquals(countsBefore.header("ETag"), countsAfter.header("ETag"));
    }

    @Test
    void reactionsAndModeratorDecisionsChangeTheCachedPage(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Invalidated by reactions and decisions");
        Http reader = new Http(server);
        Http.Reply posted = Readers.post(
                reader,
                Readers.guestToken(reader, "Rui"),
                article,
                "Ports and pipelines matter more than the speeches did.",
                null,
                false);
        String id = posted.json().getJsonObject("comment").getString("id");
        Http anonymous = new Http(server);
        assertEquals(0, firstComment(anonymous, article).getInt("reactions"));

        Http fan = new Http(server);
        assertEquals(
                200,
                fan.send(
                                "POST",
                                "/api/v1/comments/" + id + "/reactions?site=demo",
                                null,
                                "Authorization",
                                Readers.bearer(Readers.guestToken(fan, "Fay")))
                        .status());
        assertEquals(1, firstComment(anonymous, article).getInt("reactions"), "the like shows at once");

        Http.Reply featured = admin.post(
                "/api/v1/moderation/comments/" + id + "/decisions",
                Json.createObjectBuilder().add("action", "feature").build());
        assertEquals(200, featured.status(), featured.body());
        assertTrue(firstComment(anonymous, article).getBoolean("featured"), "the decision shows at once");

        Http.Reply closed =
                admin.send("PATCH", "/api/v1/admin/sites/demo/articles/" + article, "{\"state\":\"closed\"}");
        assertEquals(200, closed.status(), closed.body());
        String state =
                anonymous.get(page(article)).json().getJsonObject("article").toString();
        assertTrue(state.contains("closed"), state);
    }

    @Test
    void answersToAReaderAreNeverStoredAndKeepTheirHeldCommentsPrivate(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Private answers");
        Http anonymous = new Http(server);
        anonymous.get(page(article));
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Sam");
        Http.Reply held =
                Readers.post(reader, token, article, "Talk trash then move onto the next article", null, true);
        assertEquals(201, held.status(), held.body());
        assertEquals("held", held.json().getString("status"));
        String id = held.json().getJsonObject("comment").getString("id");

        Http.Reply own = reader.get(page(article), "Authorization", Readers.bearer(token));
        assertEquals(200, own.status());
        assertTrue(own.body().contains("\"id\":\"" + id + "\""), "the author sees their held comment");
        assertEquals("private, no-store", own.header("Cache-Control"));
        assertNull(own.header("ETag"), "no validator on a personal answer");
        assertTrue(own.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Authorization")));

        Http.Reply shared = anonymous.get(page(article));
        assertFalse(shared.body().contains("\"id\":\"" + id + "\""), "nobody else sees it: " + shared.body());
        assertTrue(shared.header("Cache-Control").contains("public"));
        Http.Reply counts =
                reader.get("/api/v1/counts?site=demo&keys=" + article, "Authorization", Readers.bearer(token));
        assertEquals("private, no-store", counts.header("Cache-Control"));
    }

    private static JsonObject firstComment(Http http, String article) {
        return http.get(page(article)).json().getJsonArray("comments").getJsonObject(0);
    }
}
