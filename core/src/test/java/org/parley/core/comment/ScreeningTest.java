package org.parley.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.internal.CommentEntity;

class ScreeningTest {
    @Test
    void sortScoreIsUncivilWhenPresent() {
        Screening s = Screening.hold("<p>x</p>", List.of("a"), Map.of("uncivil", 0.4, "toxicity", 0.9));
        assertEquals(0.4, s.sortScore());
    }

    @Test
    void sortScoreFallsBackToHighestAttribute() {
        Screening s = Screening.hold("<p>x</p>", List.of("a"), Map.of("insult", 0.3, "toxicity", 0.7));
        assertEquals(0.7, s.sortScore());
        assertEquals(0.0, Screening.publish("<p>x</p>").sortScore());
    }

    @Test
    void safeHtmlIsRequired() {
        ValidationException e = assertThrows(
                ValidationException.class, () -> new Screening(Screening.Verdict.PUBLISH, null, null, null, null));
        assertEquals("safeHtml", e.field());
    }

    @Test
    void newCommentRefusesBlankBody() {
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> NewComment.topLevel(ArticleRef.of("s", "a"), AuthorId.random(), "  \n "));
        assertEquals("body", e.field());
    }

    @Test
    void commentIdParsesItsOwnTextOnly() {
        assertEquals(CommentId.of(42), CommentId.parse("42"));
        assertThrows(ValidationException.class, () -> CommentId.parse("4x2"));
        assertThrows(ValidationException.class, () -> CommentId.of(0));
    }

    @Test
    void pathSegmentsAreFixedWidthDigits() {
        assertEquals("000000000042", CommentEntity.segment(42));
        assertEquals(CommentEntity.SEGMENT, CommentEntity.segment(123456789012L).length());
    }
}
