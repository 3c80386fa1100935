package org.parley.core.comment;

import org.parley.core.ValidationException;
import org.parley.core.author.AuthorId;
import org.parley.core.support.Require;

/**
 * An author's edit of their own comment.
 *
 * @param expectedRevision the revision the author was editing; a newer one means conflict
 */
public record CommentEdit(CommentId comment, AuthorId editor, int expectedRevision, String body) {
    public CommentEdit {
        Require.present("comment", comment);
        Require.present("editor", editor);
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "must not be empty");
        }
        Require.storable("body", body);
    }
}
