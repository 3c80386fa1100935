package org.parley.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

@ParameterizedClass
@EnumSource(Database.class)
class ReportServiceIT extends DatabaseIT {

    @Test
    void readerReportsAPublishedCommentOnce() {
        Comment c = f.post(ann, "questionable");
        Report r = core.reports().report(c.id(), bob.id(), ReportReason.OTHER, "  misleading numbers ");
        assertEquals(ReportStatus.OPEN, r.status());
        assertEquals("misleading numbers", r.text());
        assertEquals(
                ConflictException.DUPLICATE_REPORT,
                assertThrows(
                                ConflictException.class,
                                () -> core.reports().report(c.id(), bob.id(), ReportReason.SPAM, null))
                        .code());
        assertEquals(1, core.reports().reportsFor(c.id()).size());
    }

    @Test
    void otherNeedsAText() {
        Comment c = f.post(ann, "x");
        assertEquals(
                "text",
                assertThrows(
                                ValidationException.class,
                                () -> core.reports().report(c.id(), bob.id(), ReportReason.OTHER, " "))
                        .field());
    }

    @Test
    void ownHeldOrUnknownCommentsCannotBeReported() {
        Comment own = f.post(bob, "mine");
        assertEquals(
                ForbiddenException.OWN_COMMENT,
                assertThrows(
                                ForbiddenException.class,
                                () -> core.reports().report(own.id(), bob.id(), ReportReason.SPAM, null))
                        .code());
        Comment held = f.postHeld(ann, "held", 0.9);
        assertThrows(
                InvalidStateException.class, () -> core.reports().report(held.id(), bob.id(), ReportReason.SPAM, null));
        assertThrows(
                NotFoundException.class,
                () -> core.reports().report(CommentId.of(Long.MAX_VALUE - 3), bob.id(), ReportReason.SPAM, null));
        assertEquals(0, core.reports().reportsFor(held.id()).size());
    }
}
