package org.parley.core.report;

import java.time.Instant;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;

/**
 * A reader's report on a comment. {@code text} is reader input: never render it as HTML.
 *
 * @param weight how much it counts in the reported queue: 1, or {@link ReportService#NEW_IDENTITY_WEIGHT}
 *               for a reporter whose identity was brand new when they filed it
 */
public record Report(
        long id,
        CommentId comment,
        AuthorId reporter,
        ReportReason reason,
        String text,
        ReportStatus status,
        double weight,
        Instant createdAt) {}
