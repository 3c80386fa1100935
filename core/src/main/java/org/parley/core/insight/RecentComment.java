package org.parley.core.insight;

import java.time.Instant;
import java.util.Map;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;

/** A past comment for a policy dry run: its raw body (never render it), status and latest scores. */
public record RecentComment(
        CommentId id,
        ArticleRef article,
        AuthorId author,
        String rawBody,
        CommentStatus status,
        Map<String, Double> scores,
        Instant createdAt) {
    public RecentComment {
        scores = Map.copyOf(scores);
    }
}
