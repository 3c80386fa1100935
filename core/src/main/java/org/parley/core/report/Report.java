package org.parley.core.report;

import java.time.Instant;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;

/** A reader's report on a comment. {@code text} is reader input: never render it as HTML. */
public record Report(long id, CommentId comment, AuthorId reporter, ReportReason reason, String text,
                     ReportStatus status, Instant createdAt) {
}
