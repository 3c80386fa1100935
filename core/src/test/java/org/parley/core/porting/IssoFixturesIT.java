package org.parley.core.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.article.ArticleRef;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

/**
 * Another project's import fixtures (Isso's tests, MIT licence: see isso/NOTICE.md): a Disqus export
 * and a WordPress WXR export with real-world quirks import as their contents say, and importing
 * them again adds nothing.
 */
@ParameterizedClass
@EnumSource(Database.class)
class IssoFixturesIT extends DatabaseIT {

    @Test
    void issoDisqusExportImportsOnceWithItsOrphanSkippedAndItsDeletedParentKept() {
        ImportReport first = Imports.importResource(core, f.site.key(), "isso/disqus.xml");

        assertEquals(SourceFormat.DISQUS, first.format());
        assertEquals(
                2,
                first.articlesCreated(),
                "the thread with an id and the one keyed by its URL; empty threads make none");
        assertEquals(4, first.comments());
        assertEquals(1, first.tombstones(), "the deleted post has a reply");
        assertEquals(Map.of("orphan", 1L), first.skipped());
        assertEquals(List.of(new ImportReport.SkippedPost("disqus:6", "orphan")), first.skippedPosts());
        assertEquals(
                "Hello, World!",
                core.articles().get(ArticleRef.of(f.site.key(), "some-id")).title());
        String untitled = "localhost-4000-blog-2013-02-12-redacted-index.html";
        assertEquals(
                "http://localhost:4000/blog/2013/02/12/redacted/index.html",
                core.articles().get(ArticleRef.of(f.site.key(), untitled)).title(),
                "no title: the URL stands in");

        List<JsonObject> comments = Imports.records(Imports.export(core, f.site.key()), "comment");
        assertEquals(5, comments.size());
        JsonObject reply = byBody(comments, "<p>Hello, World.</p>").get(0);
        assertEquals(
                id(byBody(comments, "...").get(0)),
                reply.getJsonNumber("parent").longValue(),
                "post 5 answers post 4");
        JsonObject placeholder = comments.stream()
                .filter(c -> c.getString("body").isEmpty())
                .findFirst()
                .orElseThrow();
        assertTrue(
                byBody(comments, "<p>Hello, World.</p>").stream()
                        .anyMatch(c ->
                                !c.isNull("parent") && c.getJsonNumber("parent").longValue() == id(placeholder)),
                "post 11 answers the deleted post 9");

        ImportReport again = Imports.importResource(core, f.site.key(), "isso/disqus.xml");
        assertEquals(0, again.comments() + again.tombstones() + again.articlesCreated() + again.authorsCreated());
        assertEquals(5, again.alreadyImported());
        assertEquals(
                5,
                Imports.records(Imports.export(core, f.site.key()), "comment").size());
    }

    @Test
    void issoWordPressExportImportsOnceWithItsRepliesAndOriginalTimes() {
        ImportReport first = Imports.importResource(core, f.site.key(), "isso/wordpress.xml");

        assertEquals(SourceFormat.WXR, first.format());
        assertEquals(1, first.articlesCreated());
        assertEquals(7, first.comments());
        // The second <item> repeats comment id 11: the first post with the id stands, the repeat is
        // reported as skipped (duplicate-id), and its item makes no article.
        assertEquals(0, first.alreadyImported());
        assertEquals(Map.of("duplicate-id", 1L), first.skipped());

        List<JsonObject> comments = Imports.records(Imports.export(core, f.site.key()), "comment");
        assertEquals(7, comments.size());
        assertTrue(comments.stream().allMatch(c -> c.getString("article").equals("example.tld-2014-test")));
        long second = id(byBody(comments, "Zweiter.").get(0));
        JsonObject drolfter = byBody(comments, "Drölfter!").get(0);
        assertEquals(second, drolfter.getJsonNumber("parent").longValue());
        assertEquals(
                id(drolfter),
                byBody(comments, "Yet another reply.")
                        .get(0)
                        .getJsonNumber("parent")
                        .longValue());
        assertEquals("2014-04-29T15:21:35Z", drolfter.getString("createdAt"), "comment_date_gmt is the time");
        assertEquals(
                "2022-06-06T02:13:14Z",
                comments.stream()
                        .filter(c -> c.getString("body").startsWith("When you have"))
                        .findFirst()
                        .orElseThrow()
                        .getString("createdAt"),
                "GMT, not the local comment_date");

        ImportReport again = Imports.importResource(core, f.site.key(), "isso/wordpress.xml");
        assertEquals(0, again.comments() + again.tombstones() + again.articlesCreated() + again.authorsCreated());
        assertEquals(7, again.alreadyImported());
        assertEquals(Map.of("duplicate-id", 1L), again.skipped(), "said the same way on every import");
        assertEquals(
                7,
                Imports.records(Imports.export(core, f.site.key()), "comment").size());
    }

    private static List<JsonObject> byBody(List<JsonObject> comments, String body) {
        return comments.stream().filter(c -> c.getString("body").equals(body)).toList();
    }

    private static long id(JsonObject c) {
        return c.getJsonNumber("id").longValue();
    }
}
