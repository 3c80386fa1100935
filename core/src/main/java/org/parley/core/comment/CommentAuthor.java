package org.parley.core.comment;

import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;

/** The author as shown next to a comment. */
public record CommentAuthor(AuthorId id, String displayName, AuthorKind kind) {}
