package org.parley.core.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ValidationException;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.DiscussionState;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.site.SiteDraft;
import org.parley.core.support.Json;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.thread.ThreadPage;
import org.parley.core.thread.ThreadQuery;

@ParameterizedClass
@EnumSource(Database.class)
class ImportIT extends DatabaseIT {

    private String site() {
        return f.site.key();
    }

    /** The site's exported comments by the first words of their body (placeholders by source order). */
    private List<JsonObject> comments() {
        return Imports.records(Imports.export(core, site()), "comment");
    }

    private JsonObject comment(String bodyStart) {
        return comments().stream()
                .filter(c -> c.getString("body").startsWith(bodyStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no comment starting with " + bodyStart));
    }

    private static long id(JsonObject c) {
        return c.getJsonNumber("id").longValue();
    }

    @Test
    void disqusExportBecomesArticlesCommentsAndPlaceholdersAndReportsWhatItSkipped() {
        ImportReport report = Imports.importResource(core, site(), "disqus-export.xml");

        assertEquals(SourceFormat.DISQUS, report.format());
        assertEquals(3, report.articlesCreated());
        assertEquals(0, report.articlesExisting());
        assertEquals(8, report.comments());
        assertEquals(2, report.tombstones());
        assertEquals(7, report.authorsCreated());
        assertEquals(1, report.reattached());
        assertEquals(0, report.alreadyImported());
        assertEquals(Map.of("spam", 1L, "deleted", 1L, "orphan", 1L, "thread-deleted", 1L), report.skipped());
        assertEquals(
                Map.of(
                        "disqus:2005",
                        "spam",
                        "disqus:2011",
                        "deleted",
                        "disqus:2007",
                        "orphan",
                        "disqus:2008",
                        "thread-deleted"),
                report.skippedPosts().stream()
                        .collect(Collectors.toMap(ImportReport.SkippedPost::source, ImportReport.SkippedPost::reason)));
    }

    @Test
    void threadsWithoutAnIdentifierAreKeyedByTheirUrlAndKeepTitleDateAndClosedState() {
        Imports.importResource(core, site(), "disqus-export.xml");

        Article budget = core.articles().get(ArticleRef.of(site(), "news.example-2011-03-budget-vote"));
        assertEquals("Council passes the harbour budget", budget.title());
        assertEquals(Instant.parse("2011-03-07T20:46:25Z"), budget.publishedAt());
        assertEquals(DiscussionState.OPEN, budget.discussionState());
        assertEquals(3, budget.publishedComments(), "two comments and the reply below the placeholder");

        Article derby = core.articles().get(ArticleRef.of(site(), "article-42"));
        assertEquals("Derby day & the long wait", derby.title());
        assertEquals(DiscussionState.CLOSED, derby.discussionState());
        assertEquals(
                "news.example-p-2013-05-05-podcast-229",
                core.articles()
                        .findByUrl(site(), "https://news.example/p/2013/05/05/podcast-229/")
                        .orElseThrow()
                        .ref()
                        .articleKey());
        assertTrue(core.articles()
                .findByUrl(site(), "https://news.example/retracted-story")
                .isEmpty());
    }

    @Test
    void htmlMessagesAreSanitisedWhileTheRawMessageIsKeptWithOriginalTimeAndAuthor() {
        Imports.importResource(core, site(), "disqus-export.xml");

        JsonObject agreed = comment("<p>Agreed");
        var stored = core.comments().get(new CommentId(id(agreed)));
        assertTrue(stored.rawBody().contains("<script>alert(1)</script>"), stored.rawBody());
        assertFalse(stored.html().contains("script"), stored.html());
        assertFalse(stored.html().contains("onclick"), stored.html());
        assertTrue(stored.html().contains("timetable"), stored.html());
        assertTrue(
                stored.sanitizerRemovals().contains("script"),
                stored.sanitizerRemovals().toString());
        assertEquals(Instant.parse("2011-03-08T10:15:00Z"), stored.createdAt());
        assertEquals("Guest Bob", stored.author().displayName());
        assertEquals(CommentStatus.PUBLISHED, stored.status());

        var derby = core.comments().get(new CommentId(id(comment("<p>Derby thoughts"))));
        assertEquals(Instant.parse("2012-10-01T18:00:00Z"), derby.createdAt());
        assertEquals("Carl", derby.author().displayName());
    }

    @Test
    void deletedAndSpamPostsWithRepliesStayAsEmptyPlaceholdersHoldingTheThreadShape() {
        Imports.importResource(core, site(), "disqus-export.xml");

        JsonObject orphanedReply = comment("<p>Replying to something that is gone");
        var placeholder = core.comments()
                .get(new CommentId(orphanedReply.getJsonNumber("parent").longValue()));
        assertEquals(CommentStatus.DELETED_BY_AUTHOR, placeholder.status());
        assertEquals("", placeholder.rawBody());
        assertEquals("Frank", placeholder.author().displayName());

        JsonObject answeredSpam = comment("<p>Someone answered the spam");
        var spam = core.comments()
                .get(new CommentId(answeredSpam.getJsonNumber("parent").longValue()));
        assertEquals(CommentStatus.REMOVED_BY_MODERATOR, spam.status());
        assertEquals("", spam.rawBody());

        ThreadPage budget =
                core.threads().read(ThreadQuery.firstPage(ArticleRef.of(site(), "news.example-2011-03-budget-vote")));
        assertEquals(2, budget.comments().size(), "the first comment and the placeholder, each with its reply");
        assertTrue(budget.comments().stream()
                .anyMatch(n -> n.comment().status() == CommentStatus.DELETED_BY_AUTHOR
                        && n.replies().size() == 1));
    }

    @Test
    void aReplyBeforeItsParentWaitsForItAndOneWhoseParentNeverComesBecomesTopLevel() {
        Imports.importResource(core, site(), "disqus-export.xml");

        JsonObject early = comment("<p>This reply comes before its parent");
        JsonObject parent = comment("Plain text, no markup");
        assertEquals(id(parent), early.getJsonNumber("parent").longValue());
        assertTrue(id(parent) < id(early), "a parent is stored before its replies");
        assertTrue(comment("<p>My parent was never exported").isNull("parent"));
        assertEquals(1, core.comments().get(new CommentId(id(parent))).replyCount());
    }

    @Test
    void importedCommentsAreRecordedInTheAuditLogAsImportedByTheAdministrator() {
        Imports.importResource(core, site(), "disqus-export.xml");

        List<ModerationDecision> decisions = core.review().decisionsFor(new CommentId(id(comment("<p>First!"))));
        assertEquals(1, decisions.size());
        ModerationDecision d = decisions.getFirst();
        assertEquals(DecisionAction.IMPORT, d.action());
        assertEquals(Actor.Kind.MODERATOR, d.actor().kind());
        assertEquals("admin", d.actor().name());
        assertEquals("disqus:2001", d.note());
        assertEquals("PUBLISHED", d.to());
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        Imports.importResource(core, site(), "disqus-export.xml");
        String before = Imports.export(core, site()).replaceFirst("\"exportedAt\":\"[^\"]*\"", "");

        ImportReport again = Imports.importResource(core, site(), "disqus-export.xml");

        assertEquals(0, again.articlesCreated());
        assertEquals(0, again.comments());
        assertEquals(0, again.tombstones());
        assertEquals(0, again.authorsCreated());
        assertEquals(10, again.alreadyImported());
        assertEquals(before, Imports.export(core, site()).replaceFirst("\"exportedAt\":\"[^\"]*\"", ""));
    }

    @Test
    void wordpressExportKeepsApprovalParentsAndFallsBackToTheLocalDate() {
        ImportReport report = Imports.importResource(core, site(), "wordpress-export.xml");

        assertEquals(SourceFormat.WXR, report.format());
        assertEquals(2, report.articlesCreated(), "the page without comments registers nothing");
        assertEquals(5, report.comments());
        assertEquals(1, report.tombstones());
        assertEquals(Map.of("spam", 1L, "pingback", 1L), report.skipped());

        JsonObject finally_ = comment("Finally!");
        var first = core.comments().get(new CommentId(id(finally_)));
        assertEquals("<p>Finally! The <em>evening</em> boats were always full.</p>", first.html());
        assertEquals(Instant.parse("2019-05-01T08:12:00Z"), first.createdAt());
        JsonObject cycled = comment("They were.");
        assertEquals(id(finally_), cycled.getJsonNumber("parent").longValue());
        assertEquals(
                Instant.parse("2019-05-02T14:03:11Z"),
                core.comments().get(new CommentId(id(cycled))).createdAt());
        assertEquals("HELD", comment("Waiting for approval").getString("status"));
        assertEquals(
                "REMOVED_BY_MODERATOR",
                comments().stream()
                        .filter(c -> c.getString("body").isEmpty())
                        .findFirst()
                        .orElseThrow()
                        .getString("status"));
        Article wall = core.articles().get(ArticleRef.of(site(), "gazette.example-2019-05-harbour-wall"));
        assertEquals(DiscussionState.CLOSED, wall.discussionState());
        assertEquals("editor", wall.author());
    }

    @Test
    void aWordpressCommentIdGivenTwiceIsSkippedAsADuplicateAndTheFirstStands() {
        String xml = new String(Imports.bytes("wordpress-export.xml"), StandardCharsets.UTF_8);
        int end = xml.indexOf("</wp:comment>") + "</wp:comment>".length();
        String first = xml.substring(xml.lastIndexOf("<wp:comment>", end), end);
        assertTrue(first.contains("<wp:comment_id>101</wp:comment_id>"), first);
        String twice = xml.substring(0, end)
                + first.replace("Finally! The <em>evening</em> boats", "Another comment under the same id")
                + xml.substring(end);
        Supplier<ImportReport> importTwice = () -> core.porting()
                .importFile(
                        site(),
                        new ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)),
                        "application/xml",
                        Imports.SANITISER,
                        Imports.ADMIN);
        ImportReport report = importTwice.get();

        assertEquals(5, report.comments(), "the duplicate adds nothing");
        assertEquals(Map.of("spam", 1L, "pingback", 1L, "duplicate-id", 1L), report.skipped());
        assertTrue(
                report.skippedPosts().contains(new ImportReport.SkippedPost("wxr:101", "duplicate-id")),
                report.skippedPosts().toString());
        assertTrue(comment("Finally!").getString("body").contains("evening"), "the first post with the id stands");
        assertTrue(comments().stream().noneMatch(c -> c.getString("body").startsWith("Another comment")));

        ImportReport again = importTwice.get();
        assertEquals(0, again.comments());
        assertEquals(1L, again.skipped().get("duplicate-id"), "said the same way on every import");
    }

    @Test
    void malformedXmlHalfWayThroughWritesNothing() {
        String full = new String(Imports.bytes("disqus-export.xml"), StandardCharsets.UTF_8);
        String truncated =
                full.substring(0, full.indexOf("<post dsq:id=\"2009\">")) + "<post dsq:id=\"2009\"><message>";

        ValidationException e = assertThrows(
                ValidationException.class,
                () -> core.porting()
                        .importFile(
                                site(),
                                new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)),
                                "application/xml",
                                Imports.SANITISER,
                                Imports.ADMIN));

        assertEquals("file", e.field());
        assertTrue(Imports.records(Imports.export(core, site()), "comment").isEmpty());
        assertEquals(
                1, Imports.records(Imports.export(core, site()), "article").size(), "only the fixture's own article");
    }

    @Test
    void xmlOfAnotherKindAndUnsupportedMediaTypesAreRefused() {
        Function<String, ValidationException> importing = body -> assertThrows(
                ValidationException.class,
                () -> core.porting()
                        .importFile(
                                site(),
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                                "application/xml",
                                Imports.SANITISER,
                                Imports.ADMIN));
        assertTrue(importing.apply("<html><body/></html>").getMessage().contains("<html>"));
        assertTrue(importing
                .apply("<rss version=\"2.0\"><channel/></rss>")
                .getMessage()
                .contains("WordPress"));
        assertTrue(importing
                .apply("<!DOCTYPE disqus [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><disqus>&x;</disqus>")
                .getMessage()
                .contains("file"));
        assertThrows(
                ValidationException.class,
                () -> core.porting()
                        .importFile(
                                site(),
                                new ByteArrayInputStream(new byte[0]),
                                "text/csv",
                                Imports.SANITISER,
                                Imports.ADMIN));
    }

    @Test
    void exportImportsIntoAFreshSiteAndExportsAgainIdentically() {
        Imports.importResource(core, site(), "disqus-export.xml");
        Imports.importResource(core, site(), "wordpress-export.xml");
        core.comments()
                .post(
                        NewComment.topLevel(f.article, ann.id(), "Typed **here**"),
                        Screening.publish("<p>Typed <strong>here</strong></p>"));
        String first = Imports.export(core, site());

        String fresh = core.sites()
                .create(SiteDraft.of("fresh-" + System.nanoTime(), "Fresh", "https://elsewhere.example"))
                .key();
        ImportReport report = Imports.importNdjson(core, fresh, first);
        String second = Imports.export(core, fresh);

        assertEquals(Imports.records(first, "comment").size(), report.comments() + report.tombstones());
        assertEquals(withoutIds(first), withoutIds(second));
        var typed = core.comments()
                .get(new CommentId(id(Imports.records(second, "comment").stream()
                        .filter(c -> c.getString("body").equals("Typed **here**"))
                        .findFirst()
                        .orElseThrow())));
        assertEquals("<p>Typed <strong>here</strong></p>", typed.html().strip());
        assertEquals(0, Imports.importNdjson(core, fresh, first).comments(), "importing it again adds nothing");
    }

    /** The export with site key, time of export and every id replaced by its order of appearance. */
    private static String withoutIds(String ndjson) {
        Map<String, Integer> ids = new HashMap<>();
        return Arrays.stream(ndjson.split("\n"))
                .map(line -> {
                    JsonObject o = Json.readObject(line);
                    var b = Json.object();
                    o.forEach((k, v) -> {
                        switch (k) {
                            case "key", "name" -> b.add(k, o.getString("type").equals("site") ? Json.string("-") : v);
                            case "exportedAt" -> {}
                            case "id", "parent", "author" ->
                                b.add(
                                        k,
                                        v.getValueType() == JsonValue.ValueType.NULL
                                                ? "null"
                                                : "#"
                                                        + ids.computeIfAbsent(
                                                                o.getString("type")
                                                                                        .equals("author")
                                                                                || k.equals("author")
                                                                        ? "a" + v
                                                                        : "c" + v,
                                                                x -> ids.size()));
                            default -> b.add(k, v);
                        }
                    });
                    return b.build().toString();
                })
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aParleyCommentNamingAnUndeclaredAuthorIsRefusedAndWritesNothing() {
        String ndjson = """
                {"type":"site","format":"parley-export/1","key":"x","name":"X","exportedAt":"2026-01-01T00:00:00Z"}
                {"type":"article","key":"a1","url":"https://news.example/a1","title":"A1","state":"OPEN","urls":[]}
                {"type":"comment","id":1,"article":"a1","parent":null,"author":"nobody","status":"PUBLISHED","featured":false,"createdAt":"2026-01-01T00:00:00Z","body":"Hi"}
                """;
        ValidationException e =
                assertThrows(ValidationException.class, () -> Imports.importNdjson(core, site(), ndjson));
        assertTrue(e.getMessage().contains("nobody"), e.getMessage());
        assertNull(core.articles().find(ArticleRef.of(site(), "a1")).orElse(null));
    }

    @Test
    void aBrokenNdjsonLineIsReportedByNumber() {
        String ndjson =
                "{\"type\":\"site\",\"format\":\"parley-export/1\",\"key\":\"x\",\"name\":\"X\"}\n{\"type\":\"article\",";
        ValidationException e =
                assertThrows(ValidationException.class, () -> Imports.importNdjson(core, site(), ndjson));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
