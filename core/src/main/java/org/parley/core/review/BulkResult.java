package org.parley.core.review;

import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;

/**
 * Outcome of one decision of a bulk request: either {@code comment} (the result) or the error's
 * stable code and message. Each decision of a bulk request commits or fails on its own.
 */
public record BulkResult(CommentId id, Comment comment, String errorCode, String message) {
    public boolean succeeded() {
        return errorCode == null;
    }
}
