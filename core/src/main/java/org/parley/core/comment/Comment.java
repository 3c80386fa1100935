package org.parley.core.comment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.core.article.ArticleRef;

/**
 * A comment as stored, current revision. Immutable snapshot.
 *
 * <p><strong>{@code rawBody} is the author's input as typed: never render it as HTML.</strong>
 * Render {@code html}, which the screening sanitised. In thread reads both are {@code null} for
 * placeholders of deleted or removed comments.
 *
 * @param parentId     the comment replied to, {@code null} at top level
 * @param rootId       the top-level comment of its thread (itself at top level)
 * @param depth        0 at top level
 * @param revision     1 when posted, +1 per edit; decisions must name the current one
 * @param replyCount   published replies below it, at any depth
 * @param scores       the latest screening scores
 * @param reasonCodes  the latest screening reason codes
 */
public record Comment(
        CommentId id,
        ArticleRef article,
        CommentId parentId,
        CommentId rootId,
        int depth,
        CommentAuthor author,
        String rawBody,
        String html,
        CommentStatus status,
        int revision,
        long replyCount,
        long reactionCount,
        boolean featured,
        Instant createdAt,
        Instant editedAt,
        Map<String, Double> scores,
        List<String> reasonCodes,
        List<String> sanitizerRemovals) {
    public Comment {
        scores = Map.copyOf(scores);
        reasonCodes = List.copyOf(reasonCodes);
        sanitizerRemovals = List.copyOf(sanitizerRemovals);
    }
}
