package org.parley.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentEdit;
import org.parley.core.comment.CommentStatus;
import org.parley.core.report.ReportReason;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;
import org.parley.core.thread.ThreadQuery;

@ParameterizedClass
@EnumSource(Database.class)
class PrivacyServiceIT extends DatabaseIT {

    private static JsonObject parse(String json) {
        return new JsonProviderImpl().createReader(new StringReader(json)).readObject();
    }

    @Test
    void threadExportHasTheArticleAndEveryCommentInThreadOrder() {
        Comment root = f.post(ann, "root");
        Comment reply = f.reply(bob, root.id(), "reply");
        f.postHeld(bob, "held", 0.9);
        JsonObject doc = parse(core.privacy().exportThread(f.article));
        assertEquals("parley-thread-export/1", doc.getString("format"));
        assertEquals(f.article.articleKey(), doc.getJsonObject("article").getString("key"));
        JsonArray comments = doc.getJsonArray("comments");
        assertEquals(3, comments.size());
        assertEquals(
                root.id().value(), comments.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(
                reply.id().value(),
                comments.getJsonObject(1).getJsonNumber("id").longValue());
        assertEquals(
                root.id().value(),
                comments.getJsonObject(1).getJsonNumber("parentId").longValue());
        assertEquals("HELD", comments.getJsonObject(2).getString("status"));
    }

    @Test
    void authorExportHasProfileCommentsRevisionsAndReports() {
        Author carol = core.authors().createGuest("Carol", "carol@news.example");
        Comment c = f.post(carol, "draft");
        core.comments().edit(new CommentEdit(c.id(), carol.id(), 1, "final"), Fixtures.publish("final"));
        Comment other = f.post(ann, "other");
        core.reports().report(other.id(), carol.id(), ReportReason.SPAM, null);
        JsonObject doc = parse(core.privacy().exportAuthor(carol.id()));
        assertEquals("carol@news.example", doc.getJsonObject("author").getString("email"));
        JsonObject comment = doc.getJsonArray("comments").getJsonObject(0);
        assertEquals("final", comment.getString("rawBody"));
        assertEquals(2, comment.getJsonArray("revisions").size());
        assertEquals("draft", comment.getJsonArray("revisions").getJsonObject(0).getString("rawBody"));
        assertEquals("SPAM", doc.getJsonArray("reports").getJsonObject(0).getString("reason"));
    }

    @Test
    void erasureRemovesPersonalDataButKeepsThreadShapeAndAudit() {
        Author carol = core.authors().createGuest("Carol", "carol@news.example");
        Comment root = f.post(carol, "my opinion");
        f.reply(ann, root.id(), "a reply");
        Comment liked = f.post(ann, "liked");
        core.comments().react(liked.id(), carol.id());
        core.reports().report(liked.id(), carol.id(), ReportReason.SPAM, null);
        ErasureReport report = core.privacy().erase(carol.id(), Fixtures.moderator());
        assertEquals(1, report.commentsErased());
        assertEquals(1, report.reportsDeleted());
        assertEquals(1, report.reactionsDeleted());
        Author erased = core.authors().get(carol.id());
        assertEquals("[erased]", erased.displayName());
        assertEquals(null, erased.email());
        Comment gone = core.comments().get(root.id());
        assertEquals(CommentStatus.DELETED_BY_AUTHOR, gone.status());
        assertEquals("", gone.rawBody());
        assertTrue(core.comments().revisions(root.id()).stream()
                .allMatch(r -> r.rawBody().isEmpty()));
        assertEquals(0, core.comments().get(liked.id()).reactionCount());
        assertTrue(core.reports().reportsFor(liked.id()).isEmpty());
        var page = core.threads().read(ThreadQuery.firstPage(f.article));
        assertTrue(
                page.comments().stream()
                        .anyMatch(n -> n.comment().id().equals(root.id())
                                && n.replies().size() == 1),
                "the reply keeps its place under the erased comment");
        String export = core.privacy().exportAuthor(carol.id());
        assertFalse(export.contains("my opinion"));
        assertFalse(export.contains("carol@news.example"));
        assertTrue(core.review().decisionsFor(root.id()).stream()
                .map(ModerationDecision::action)
                .anyMatch(a -> a == DecisionAction.ERASE_AUTHOR));
    }
}
