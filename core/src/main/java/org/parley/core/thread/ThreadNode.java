package org.parley.core.thread;

import java.util.List;
import org.parley.core.comment.Comment;

/**
 * A comment in a thread page with the replies loaded below it.
 *
 * @param mine              whether the viewer wrote it (may edit or delete it)
 * @param reacted           whether the viewer reacted to it (liked it); {@code false} for anonymous readers
 * @param moreRepliesCursor set on a top-level node when replies below it were left out: pass it to
 *                          {@link ThreadService#replies} to load them; {@code null} otherwise
 */
public record ThreadNode(
        Comment comment, boolean mine, boolean reacted, List<ThreadNode> replies, String moreRepliesCursor) {
    public ThreadNode {
        replies = List.copyOf(replies);
    }
}
