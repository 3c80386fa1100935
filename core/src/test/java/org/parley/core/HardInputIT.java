package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentEdit;
import org.parley.core.comment.NewComment;
import org.parley.core.report.ReportReason;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

/**
 * Text the databases cannot store faithfully — a NUL character (PostgreSQL refuses it and fails the
 * transaction), an unpaired surrogate (stored as {@code ?}) — is refused with a
 * {@link ValidationException} naming the field before anything is written: no author, comment,
 * revision or report row appears.
 */
@ParameterizedClass
@EnumSource(Database.class)
class HardInputIT extends DatabaseIT {

    private static final List<String> TABLES = List.of("author", "comment", "comment_revision", "report", "article");

    @Test
    void nulInAGuestNameIsRefusedAndLeavesNoAuthorRow() {
        assertRefusedWithoutRows("displayName", () -> core.authors().createGuest("Ann\0", null));
    }

    @Test
    void nulInACommentBodyIsRefusedAndLeavesNoRow() {
        assertRefusedWithoutRows(
                "body",
                () -> core.comments()
                        .post(
                                NewComment.topLevel(f.article, ann.id(), "hello\0world"),
                                Fixtures.publish("hello world")));
    }

    @Test
    void nulInAnEditIsRefusedAndLeavesNoRevision() {
        Comment c = f.post(ann, "first version");
        assertRefusedWithoutRows(
                "body",
                () -> core.comments()
                        .edit(
                                new CommentEdit(c.id(), ann.id(), 1, "second\0version"),
                                Fixtures.publish("second version")));
    }

    @Test
    void nulInReportTextIsRefusedAndLeavesNoReport() {
        Comment c = f.post(ann, "a comment to report");
        assertRefusedWithoutRows(
                "text", () -> core.reports().report(c.id(), bob.id(), ReportReason.OTHER, "bad\0text"));
    }

    @Test
    void nulInAnArticleTitleIsRefusedAndLeavesNoArticle() {
        assertRefusedWithoutRows(
                "title",
                () -> core.articles()
                        .ensure(ArticleRef.of(f.site.key(), "nul-title"), "https://news.example/nul", "Title\0"));
    }

    @Test
    void unpairedSurrogatesAreRefusedButPairsAreKept() {
        assertRefusedWithoutRows(
                "body",
                () -> core.comments()
                        .post(NewComment.topLevel(f.article, ann.id(), "lone \uD800 high"), Fixtures.publish("x")));
        assertRefusedWithoutRows("displayName", () -> core.authors().createGuest("lone \uDC00 low", null));
        Comment emoji = f.post(ann, "a pair is fine \uD83D\uDE00");
        assertEquals(
                "a pair is fine \uD83D\uDE00", core.comments().get(emoji.id()).rawBody());
    }

    private void assertRefusedWithoutRows(String field, Executable action) {
        Map<String, Long> before = counts();
        ValidationException e = assertThrows(ValidationException.class, action);
        assertEquals(field, e.field());
        assertEquals(before, counts(), "a refused request must write nothing");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(t -> counts.put(t, database.rows(t)));
        return counts;
    }
}
