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

/** A German reader (Accept-Language, or the widget's lang) gets the server's messages in German; others in English. */
@ExtendWith(ParleyServer.class)
class ReaderLanguageIT {

    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";

    @Test
    void germanReaderGetsTheNudgeHeldRejectedAndEditMessagesInGerman(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = site(admin);
        Http reader = new Http(server);
        String token = guest(reader, site);

        Http.Reply nudged = post(reader, site, token, "Yeah cool story man", "Accept-Language", GERMAN);
        assertEquals(200, nudged.status(), nudged.body());
        String nudge = nudged.json().getJsonObject("nudge").getString("message");
        assertTrue(
                nudge.startsWith("Das könnte ")
                        && nudge.contains("herablassend")
                        && nudge.endsWith("Möchten Sie es vor dem Absenden umformulieren?"),
                nudge);
        assertEquals("de", nudged.header("Content-Language"));
        Http.Reply english = post(reader, site, token, "Yeah cool story man");
        assertTrue(
                english.json()
                        .getJsonObject("nudge")
                        .getString("message")
                        .startsWith("This may come across as dismissive"),
                english.body());
        assertEquals("en", english.header("Content-Language"));

        // civility checks off from here on: the messages below are about publishing, holding and rejecting
        assertEquals(
                200,
                admin.send("PATCH", "/api/v1/admin/sites/" + site + "/policy", AdminApiIT.CIVILITY_OFF.toString())
                        .status());
        Http.Reply published =
                post(reader, site, token, "The ferry timetable changes in spring.", "Accept-Language", GERMAN);
        assertEquals(201, published.status(), published.body());
        assertEquals("Ihr Kommentar ist veröffentlicht.", published.json().getString("message"));
        JsonObject comment = published.json().getJsonObject("comment");
        Http.Reply edited = reader.send(
                "PATCH",
                "/api/v1/comments/" + comment.getString("id") + "?site=" + site + "&lang=de",
                Json.createObjectBuilder()
                        .add("body", "The ferry timetable changes in summer, not in spring.")
                        .add("version", comment.getInt("version"))
                        .build()
                        .toString(),
                "Authorization",
                Readers.bearer(token));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("Ihre Änderungen sind gespeichert.", edited.json().getString("message"));

        admin.send("PATCH", "/api/v1/admin/sites/" + site + "/articles/story", "{\"moderationMode\": \"pre\"}");
        Http.Reply held =
                post(reader, site, token, "When does the first ferry leave on Sundays?", "Accept-Language", GERMAN);
        assertEquals(201, held.status(), held.body());
        assertEquals(
                "Danke! Ihr Kommentar erscheint, sobald ihn jemand aus der Moderation geprüft hat.",
                held.json().getString("message"));

        Http.Reply rejected = post(
                new Http(server),
                site,
                guest(reader, site),
                "The zorbleck question is still open.",
                "Accept-Language",
                GERMAN);
        assertEquals(422, rejected.status(), rejected.body());
        assertEquals(
                "Der Kommentar kann nicht veröffentlicht werden",
                rejected.json().getString("title"));
        assertEquals(
                "Ihr Kommentar enthält Wörter, die diese Website nicht zulässt. Bitte formulieren Sie ihn um.",
                rejected.json().getString("detail"));
        assertEquals("rejected", rejected.json().getString("code"), "codes stay as they are");
    }

    @Test
    void theWidgetsLangTranslatesProblemsAndFieldMessages(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = site(admin);
        Http reader = new Http(server);
        String token = guest(reader, site);

        Http.Reply empty = reader.post(
                "/api/v1/articles/story/comments?site=" + site + "&lang=de",
                Json.createObjectBuilder().add("body", "").build(),
                "Authorization",
                Readers.bearer(token));
        assertEquals(400, empty.status(), empty.body());
        assertEquals("Die Anfrage enthält ungültige Felder", empty.json().getString("title"));
        assertEquals(
                "darf nicht leer sein",
                empty.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals(
                "body", empty.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(empty.contentType().startsWith("application/problem+json"));
        assertTrue(
                empty.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")),
                empty.headers().toString());

        Http.Reply missing = reader.get("/api/v1/articles/nowhere/comments?site=" + site + "&lang=de");
        assertEquals(404, missing.status());
        assertEquals("Nicht gefunden", missing.json().getString("title"));

        Http.Reply badSort =
                reader.get("/api/v1/articles/story/comments?site=" + site + "&sort=loudest", "Accept-Language", "de");
        assertEquals(400, badSort.status());
        assertEquals("Ein Parameter ist ungültig", badSort.json().getString("title"));
        assertTrue(badSort.json().getString("detail").startsWith("sort: muss eines von "), badSort.body());

        Http.Reply noSite = reader.get("/api/v1/articles/story/comments?lang=de");
        assertEquals("site: nennen Sie die Website mit ?site=", noSite.json().getString("detail"));

        Http.Reply french = reader.get("/api/v1/articles/nowhere/comments?site=" + site, "Accept-Language", "fr-FR");
        assertEquals("Not found", french.json().getString("title"), "languages Parley lacks get English");
    }

    private static String site(Http admin) {
        String site = "lang-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", site)
                                        .add("name", "Sprachen")
                                        .build())
                        .status());
        // a low dismissive threshold, so that a curt reply is nudged; one banned word
        assertEquals(
                200,
                admin.send(
                                "PATCH",
                                "/api/v1/admin/sites/" + site + "/policy",
                                Json.createObjectBuilder()
                                        .add(
                                                "thresholds",
                                                Json.createObjectBuilder().add("dismissive", 0.05))
                                        .add(
                                                "bannedWords",
                                                Json.createArrayBuilder().add("zorbleck"))
                                        .build()
                                        .toString())
                        .status());
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/" + site + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", "story")
                                        .add("url", "https://news.example/" + site + "/story")
                                        .add("title", "Fähre")
                                        .build())
                        .status());
        return site;
    }

    private static String guest(Http reader, String site) {
        Http.Reply reply = reader.post(
                "/api/v1/sites/" + site + "/readers",
                Json.createObjectBuilder().add("name", "Jana").build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    private static Http.Reply post(Http reader, String site, String token, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = Readers.bearer(token);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return reader.post(
                "/api/v1/articles/story/comments?site=" + site,
                Json.createObjectBuilder().add("body", body).build(),
                all);
    }
}
