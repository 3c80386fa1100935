package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * A moderator judges the authors of the sites they moderate and no others, every author decision
 * lands in the author's site's audit log, and a moderator can set how screening treats an author.
 */
@ExtendWith(ParleyServer.class)
class AuthorScopeIT {

    @Test
    void moderatorOfAnotherSiteCannotSeeOrJudgeAnAuthor(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Scope");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Vera");
        Http.Reply posted =
                Readers.post(reader, token, article, "The customs figures for 2023 show trade growing.", null, false);
        assertEquals(201, posted.status(), posted.body());
        String author =
                posted.json().getJsonObject("comment").getJsonObject("author").getString("id");

        String other = "scope-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", other)
                                        .add("name", "Other")
                                        .build())
                        .status());
        Http outsider = moderator(server, admin, other);
        String path = "/api/v1/moderation/authors/" + author;
        JsonObject suspension =
                Json.createObjectBuilder().add("days", 7).add("reason", "spite").build();
        List<Http.Reply> attempts = List.of(
                outsider.get(path),
                outsider.post(path + "/suspension", suspension),
                outsider.post(
                        path + "/ban",
                        Json.createObjectBuilder().add("reason", "spite").build()),
                outsider.send("DELETE", path + "/suspension", null),
                outsider.send("PUT", path + "/trust", "{\"trust\": \"premoderated\"}"));
        for (Http.Reply attempt : attempts) {
            assertEquals(404, attempt.status(), attempt.body());
            assertFalse(attempt.body().contains("customs figures"), "no comment text leaks: " + attempt.body());
        }
        assertEquals(
                201,
                Readers.post(reader, token, article, "Still here, and the tariff table is clear.", null, false)
                        .status(),
                "the author was not suspended, banned or premoderated");
        assertEquals("normal", admin.get(path).json().getJsonObject("author").getString("trust"));

        Http own = moderator(server, admin, "demo");
        Http.Reply seen = own.get(path);
        assertEquals(200, seen.status(), seen.body());
        assertEquals("demo", seen.json().getJsonObject("author").getString("site"));
        assertEquals(200, own.post(path + "/suspension", suspension).status());
        Http.Reply log = own.get("/api/v1/moderation/audit?action=suspend_author&limit=200");
        assertEquals(200, log.status(), log.body());
        assertTrue(
                log.body().contains(author),
                "the site's moderator finds the decision in their audit log: " + log.body());
        assertEquals("demo", log.json().getJsonArray("items").getJsonObject(0).getString("site"));
    }

    @Test
    void guestTokenOfOneSiteCannotBeUsedToPostOnAnother(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Wanda");
        String other = "elsewhere-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", other)
                                        .add("name", "Elsewhere")
                                        .build())
                        .status());
        admin.post(
                "/api/v1/admin/sites/" + other + "/articles",
                Json.createObjectBuilder()
                        .add("key", "story")
                        .add("url", "https://elsewhere.example/story")
                        .add("title", "Story")
                        .build());
        Http.Reply refused = reader.post(
                "/api/v1/articles/story/comments?site=" + other,
                Json.createObjectBuilder()
                        .add("body", "Hello from the other site.")
                        .build(),
                "Authorization",
                Readers.bearer(token));
        assertEquals(403, refused.status(), refused.body());
    }

    @Test
    void premoderatedAuthorIsHeldAndTrustedAuthorMayPostManyLinks(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Trust");
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Xavier");
        Http.Reply first =
                Readers.post(reader, token, article, "A calm first remark about the harbour plans.", null, false);
        assertEquals("published", first.json().getJsonObject("comment").getString("status"), first.body());
        String path = "/api/v1/moderation/authors/"
                + first.json().getJsonObject("comment").getJsonObject("author").getString("id");
        Http own = moderator(server, admin, "demo");

        Http.Reply premoderated =
                own.send("PUT", path + "/trust", "{\"trust\": \"premoderated\", \"note\": \"new account, watch\"}");
        assertEquals(200, premoderated.status(), premoderated.body());
        assertEquals("premoderated", premoderated.json().getString("trust"));
        Http.Reply held =
                Readers.post(reader, token, article, "A second calm remark about the harbour budget.", null, false);
        assertEquals("held", held.json().getJsonObject("comment").getString("status"), held.body());

        String links = "Sources: [one](https://a.example/1), [two](https://b.example/2), [three](https://c.example/3),"
                + " [four](https://d.example/4) and [five](https://e.example/5).";
        assertEquals(
                200, own.send("PUT", path + "/trust", "{\"trust\": \"normal\"}").status());
        assertEquals(
                "held",
                Readers.post(reader, token, article, links, null, false)
                        .json()
                        .getJsonObject("comment")
                        .getString("status"),
                "five links are held for a normal author");
        assertEquals(
                200,
                own.send("PUT", path + "/trust", "{\"trust\": \"trusted\"}").status());
        assertEquals(
                "published",
                Readers.post(reader, token, article, links + " (again)", null, false)
                        .json()
                        .getJsonObject("comment")
                        .getString("status"),
                "a trusted author may post many links");

        Http.Reply log = own.get("/api/v1/moderation/audit?action=set_author_trust&limit=200");
        assertTrue(log.body().contains("new account, watch"), log.body());
        Http.Reply bad = own.send("PUT", path + "/trust", "{\"trust\": \"saint\"}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("trust", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    static Http moderator(ParleyServer.Server server, Http admin, String site) {
        String username = "mod-" + site + "-" + System.nanoTime();
        String password = "moderator-password-" + System.nanoTime();
        Http.Reply created = admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("role", "moderator")
                        .add("site", site)
                        .build());
        assertEquals(201, created.status(), created.body());
        return Http.signIn(server, username, password);
    }
}
