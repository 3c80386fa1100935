package org.parley.core.review;

import java.util.List;
import java.util.Map;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentStatus;

/**
 * What a moderator needs to judge an author: standing and trust, comment counts by status, open
 * reports against them, and their latest comments (newest first).
 */
public record AuthorHistory(
        Author author, Map<CommentStatus, Long> countsByStatus, long reportsAgainst, List<Comment> recent) {
    public AuthorHistory {
        countsByStatus = Map.copyOf(countsByStatus);
        recent = List.copyOf(recent);
    }
}
