package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;

/** Import (Disqus, WordPress, Parley NDJSON) and export of a site over HTTP, as an administrator does it. */
@ExtendWith(ParleyServer.class)
class PortingIT {
    /** The fixtures the core tests use: written for Parley in the shape of real exports. */
    private static final Path FIXTURES =
            Path.of("..", "..", "core", "src", "test", "resources", "org", "parley", "core", "porting");

    private static String fixture(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newSite(Http admin, String prefix) {
        String key = prefix + "-" + System.nanoTime();
        Http.Reply created = admin.post(
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", prefix)
                        .add("origins", Json.createArrayBuilder().add("https://news.example"))
                        .build());
        assertEquals(201, created.status(), created.body());
        return key;
    }

    private static Http.Reply upload(Http admin, String site, String body, String type) {
        return admin.send("POST", "/api/v1/admin/sites/" + site + "/imports", body, "Content-Type", type);
    }

    private static List<JsonObject> records(String ndjson, String type) {
        return Arrays.stream(ndjson.split("\n"))
                .filter(l -> !l.isBlank())
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .filter(o -> o.getString("type").equals(type))
                .toList();
    }

    /** Isso's import fixtures (MIT licence; core/src/test/resources/org/parley/core/porting/isso/NOTICE.md). */
    @Test
    void issosDisqusAndWordPressExportsUploadOnceAndAgainAddNothing(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "isso");

        Http.Reply disqus = upload(admin, site, fixture("isso/disqus.xml"), "application/xml");
        assertEquals(200, disqus.status(), disqus.body());
        assertEquals("disqus", disqus.json().getString("format"));
        assertEquals(2, disqus.json().getInt("articlesCreated"));
        assertEquals(4, disqus.json().getInt("comments"));
        assertEquals(1, disqus.json().getInt("tombstones"));
        assertEquals(1, disqus.json().getJsonObject("skipped").getInt("orphan"));
        Http.Reply wordpress = upload(admin, site, fixture("isso/wordpress.xml"), "text/xml");
        assertEquals(200, wordpress.status(), wordpress.body());
        assertEquals("wxr", wordpress.json().getString("format"));
        assertEquals(1, wordpress.json().getInt("articlesCreated"));
        assertEquals(7, wordpress.json().getInt("comments"));

        for (String file : List.of("isso/disqus.xml", "isso/wordpress.xml")) {
            Http.Reply again = upload(admin, site, fixture(file), "application/xml");
            assertEquals(200, again.status(), again.body());
            assertEquals(
                    0,
                    again.json().getInt("comments")
                            + again.json().getInt("tombstones")
                            + again.json().getInt("articlesCreated")
                            + again.json().getInt("authorsCreated"),
                    file + ": " + again.body());
        }
        assertEquals(
                12,
                records(admin.get("/api/v1/admin/sites/" + site + "/export").body(), "comment")
                        .size());
        Http.Reply thread = new Http(server).get("/api/v1/articles/some-id/comments?site=" + site + "&sort=oldest");
        assertEquals(200, thread.status(), thread.body());
        assertTrue(thread.body().contains("Hello, World."), thread.body());
    }

    @Test
    void disqusUploadAnswersAReportAndReimportingAddsNothing(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "disqus");

        Http.Reply first = upload(admin, site, fixture("disqus-export.xml"), "application/xml");

        assertEquals(200, first.status(), first.body());
        JsonObject report = first.json();
        assertEquals("disqus", report.getString("format"));
        assertEquals(3, report.getInt("articlesCreated"));
        assertEquals(8, report.getInt("comments"));
        assertEquals(2, report.getInt("tombstones"));
        assertEquals(4, report.getInt("skippedTotal"));
        assertEquals(1, report.getJsonObject("skipped").getInt("spam"));
        assertEquals(1, report.getJsonObject("skipped").getInt("orphan"));
        assertTrue(report.getJsonArray("skippedPosts").toString().contains("\"disqus:2005\""), report.toString());
        assertEquals(
                "Its thread is not in the file",
                report.getJsonObject("reasons").getString("orphan"),
                "each reason also in words");
        assertEquals(
                report.getJsonObject("skipped").keySet(),
                report.getJsonObject("reasons").keySet());

        Http.Reply again = upload(admin, site, fixture("disqus-export.xml"), "application/xml; charset=utf-8");
        assertEquals(200, again.status(), again.body());
        assertEquals(0, again.json().getInt("comments"));
        assertEquals(0, again.json().getInt("articlesCreated"));
        assertEquals(10, again.json().getInt("alreadyImported"));
        assertEquals(
                10,
                records(admin.get("/api/v1/admin/sites/" + site + "/export").body(), "comment")
                        .size());
    }

    @Test
    void importedCommentsAreSanitisedAndShownToReadersWithTheirOriginalDates(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "readers");
        assertEquals(
                200,
                upload(admin, site, fixture("disqus-export.xml"), "application/xml")
                        .status());

        Http.Reply thread = new Http(server)
                .get("/api/v1/articles/news.example-2011-03-budget-vote/comments?site=" + site + "&sort=oldest");

        assertEquals(200, thread.status(), thread.body());
        String body = thread.body();
        assertTrue(body.contains("timetable"), body);
        assertFalse(body.contains("<script"), body);
        assertFalse(body.contains("onclick"), body);
        assertTrue(body.contains("2011-03-08T09:00:00Z"), body);
        assertTrue(body.contains("Guest Bob"), body);
    }

    @Test
    void wordpressUploadImportsApprovedAndPendingComments(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "wxr");

        Http.Reply reply = upload(admin, site, fixture("wordpress-export.xml"), "text/xml");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("wxr", reply.json().getString("format"));
        assertEquals(5, reply.json().getInt("comments"));
        assertEquals(1, reply.json().getJsonObject("skipped").getInt("pingback"));
        List<JsonObject> comments =
                records(admin.get("/api/v1/admin/sites/" + site + "/export").body(), "comment");
        assertEquals(
                1,
                comments.stream()
                        .filter(c -> c.getString("status").equals("HELD"))
                        .count());
    }

    @Test
    void exportImportsIntoAFreshSiteAndExportsTheSameContent(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String a = newSite(admin, "export-a");
        assertEquals(
                200,
                upload(admin, a, fixture("disqus-export.xml"), "application/xml")
                        .status());
        assertEquals(
                200,
                upload(admin, a, fixture("wordpress-export.xml"), "application/xml")
                        .status());

        Http.Reply exported = admin.get("/api/v1/admin/sites/" + a + "/export");
        assertEquals(200, exported.status(), exported.body());
        assertTrue(exported.contentType().startsWith("application/x-ndjson"), exported.contentType());
        assertTrue(exported.header("Content-Disposition").contains(a + "-export.ndjson"));

        String b = newSite(admin, "export-b");
        Http.Reply imported = upload(admin, b, exported.body(), "application/x-ndjson");
        assertEquals(200, imported.status(), imported.body());
        assertEquals("parley", imported.json().getString("format"));
        String again = admin.get("/api/v1/admin/sites/" + b + "/export").body();

        assertEquals(normalised(exported.body()), normalised(again));
    }

    /** Every record but the site line, with ids replaced by their order of first appearance. */
    private static List<String> normalised(String ndjson) {
        Map<String, Integer> ids = new HashMap<>();
        return Arrays.stream(ndjson.split("\n"))
                .filter(l -> !l.isBlank() && !l.contains("\"type\":\"site\""))
                .map(line -> {
                    JsonObject o = Json.createReader(new StringReader(line)).readObject();
                    var b = Json.createObjectBuilder(o);
                    boolean author = o.getString("type").equals("author");
                    for (String field : List.of("id", "parent", "author")) {
                        if (o.containsKey(field) && !o.isNull(field)) {
                            String kind = field.equals("author") || author ? "a" : "c";
                            b.add(field, "#" + ids.computeIfAbsent(kind + o.get(field), k -> ids.size()));
                        }
                    }
                    return b.build().toString();
                })
                .collect(Collectors.toList());
    }

    @Test
    void malformedXmlIsA400ProblemAndWritesNothing(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "broken");
        String full = fixture("disqus-export.xml");
        String truncated =
                full.substring(0, full.indexOf("<post dsq:id=\"2009\">")) + "<post dsq:id=\"2009\"><message>";

        Http.Reply reply = upload(admin, site, truncated, "application/xml");

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertTrue(reply.body().contains("XML"), reply.body());
        String export = admin.get("/api/v1/admin/sites/" + site + "/export").body();
        assertEquals(0, records(export, "comment").size(), export);
        assertEquals(0, records(export, "article").size(), export);
    }

    @Test
    void otherMediaTypesAreRefusedWith415AndUnknownSitesWith404(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http.Reply csv = upload(admin, "demo", "a,b\n1,2\n", "text/csv");
        assertEquals(415, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("application/problem+json"));
        assertEquals(
                404,
                upload(admin, "no-such-site-" + System.nanoTime(), "<disqus/>", "application/xml")
                        .status());
        assertEquals(404, admin.get("/api/v1/admin/sites/no-such-site/export").status());
    }
}
