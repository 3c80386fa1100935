package org.parley.core.thread;

import java.util.List;
import org.parley.core.comment.CommentId;

/**
 * The way to one comment in its thread, for a link to it: its top-level comment as a node without
 * replies (its {@code moreRepliesCursor} pages them in, in thread order, from the first) and the
 * ids from that top-level comment down to the comment's parent (empty for a top-level comment).
 */
public record ThreadAnchor(CommentId comment, List<CommentId> ancestors, ThreadNode root) {
    public ThreadAnchor {
        ancestors = List.copyOf(ancestors);
    }
}
