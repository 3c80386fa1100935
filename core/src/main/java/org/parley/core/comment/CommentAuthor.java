package org.parley.core.comment;

import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;

/**
 * The author as shown next to a comment.
 *
 * @param avatarUrl the host site's picture of its reader (a safe https URL), or null
 */
public record CommentAuthor(AuthorId id, String displayName, AuthorKind kind, String avatarUrl) {}
