package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** A site's own settings (longest comment, images) decide what its readers may post, not the installation's. */
@ExtendWith(ParleyServer.class)
class SitePolicyIT {

    @Test
    void siteThatAllowsLongCommentsAndImagesGetsThemWhenPosting(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = "long-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", site)
                                        .add("name", "Long reads")
                                        .add("maxLength", 8000)
                                        .add("imagesAllowed", true)
                                        .build())
                        .status());
        Http reader = new Http(server);
        String token = guest(reader, site, "Yara");
        String article = article(admin, site);

        String essay = "The harbour budget for 2024 lists twelve projects and their costs. ".repeat(90);
        assertTrue(essay.length() > 5000 && essay.length() < 8000);
        Http.Reply longPost = post(reader, site, article, token, essay);
        assertEquals(201, longPost.status(), "the site allows 8,000 characters: " + longPost.body());

        Http.Reply picture =
                post(reader, site, article, token, "The chart: ![harbour costs](https://news.example/chart.png)");
        assertEquals(201, picture.status(), picture.body());
        assertTrue(picture.json().getJsonObject("comment").getString("html").contains("<img"), picture.body());
    }

    @Test
    void siteWithDefaultSettingsKeepsItsLimitsWhenPosting(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = "short-" + System.nanoTime();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", site)
                                        .add("name", "Short")
                                        .add("maxLength", 300)
                                        .build())
                        .status());
        Http reader = new Http(server);
        String token = guest(reader, site, "Zeno");
        String article = article(admin, site);
        Http.Reply tooLong = post(reader, site, article, token, "A remark about the ferry timetable. ".repeat(10));
        assertEquals(400, tooLong.status(), tooLong.body());
        Http.Reply picture =
                post(reader, site, article, token, "The chart: ![harbour costs](https://news.example/chart.png)");
        assertEquals(201, picture.status(), picture.body());
        assertFalse(
                picture.json().getJsonObject("comment").getString("html").contains("<img"),
                "images are off by default");
    }

    private static String guest(Http reader, String site, String name) {
        Http.Reply reply = reader.post(
                "/api/v1/sites/" + site + "/readers",
                Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    private static String article(Http admin, String site) {
        JsonObject body = Json.createObjectBuilder()
                .add("key", "story")
                .add("url", "https://news.example/" + site + "/story")
                .add("title", "Story")
                .build();
        assertEquals(
                201,
                admin.post("/api/v1/admin/sites/" + site + "/articles", body).status());
        return "story";
    }

    private static Http.Reply post(Http reader, String site, String article, String token, String body) {
        return reader.post(
                "/api/v1/articles/" + article + "/comments?site=" + site,
                Json.createObjectBuilder().add("body", body).build(),
                "Authorization",
                Readers.bearer(token));
    }
}
